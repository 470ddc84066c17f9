import * as grpc from '@grpc/grpc-js';
import { CallStreamChannel, type CallCarrier } from './call-stream.client';
import { BalancedCallStreams } from './balanced-call-streams';
import { callsProto } from './proto-loader';
import { isNoCallStream } from './service-error';
import { parseServiceAddress } from './service-target';
import { RETRY_POLICY, SAFE_TO_RETRY } from './retry-policy';
import type { CallStreamClient } from './generated/parley/calls/v1/CallStream';

type MethodDefinition = grpc.MethodDefinition<unknown, unknown>;
type Callback = (error: grpc.ServiceError | null, response?: unknown) => void;

/** grpc-js's own default when a call names no deadline: none (here: a day). */
const NO_DEADLINE_MS = 24 * 3600 * 1000;

/** A grpc-js call's optional arguments: metadata and options may each be left out; a callback comes last. */
function unaryArguments(rest: unknown[]): { metadata: grpc.Metadata; deadline: number; callback: Callback } {
  const metadata = rest.find((arg): arg is grpc.Metadata => arg instanceof grpc.Metadata) ?? new grpc.Metadata();
  const options = rest.find((arg): arg is grpc.CallOptions => typeof arg === 'object' && arg !== null && !(arg instanceof grpc.Metadata)) ?? {};
  const given = options.deadline;
  const deadline = given === undefined || given === Infinity ? Date.now() + NO_DEADLINE_MS : given instanceof Date ? given.getTime() : given;
  const last = rest.at(-1);
  return { metadata, deadline, callback: (typeof last === 'function' ? last : () => undefined) as Callback };
}

const backoffSeconds = (text: string) => parseFloat(text);

/**
 * One unary method over the call stream, with the retries grpc-js's service config gives the
 * same method over its own HTTP/2 stream (retry-policy.ts): a method safe to repeat is tried
 * again after UNAVAILABLE, with a randomised backoff, within its deadline.
 */
function streamedMethod(channel: CallCarrier, method: MethodDefinition, safe: boolean, unary: (...args: unknown[]) => { cancel(): void }) {
  return (request: unknown, ...rest: unknown[]) => {
    if (!channel.supported) return unary(request, ...rest);
    const { metadata, deadline, callback } = unaryArguments(rest);
    let cancel = () => undefined as void;
    let backoffMs = backoffSeconds(RETRY_POLICY.initialBackoff) * 1000;
    const attempt = (n: number) => {
      cancel = channel.call(method, request, metadata, deadline, (error, response) => {
        if (error && isNoCallStream(error)) {
          // The server has no call stream: this call, and the next ones for a while, go unary.
          cancel = unary(request, ...rest).cancel;
          return;
        }
        const pause = Math.random() * backoffMs;
        if (error && safe && error.code === grpc.status.UNAVAILABLE && n < RETRY_POLICY.maxAttempts && Date.now() + pause < deadline) {
          backoffMs = Math.min(backoffMs * RETRY_POLICY.backoffMultiplier, backoffSeconds(RETRY_POLICY.maxBackoff) * 1000);
          const timer = setTimeout(() => attempt(n + 1), pause);
          cancel = () => {
            clearTimeout(timer);
            callback(Object.assign(new Error('Cancelled on client'), { code: grpc.status.CANCELLED, details: 'Cancelled on client', metadata: new grpc.Metadata() }));
          };
          return;
        }
        callback(error, response);
      });
    };
    attempt(1);
    return { cancel: () => cancel() };
  };
}

/**
 * A generated client of `serviceName` whose unary calls travel as frames of long-lived streams
 * (call-stream.client.ts): one stream at one `host:port`, one per instance at a list of them or a
 * `dns:///` name (balanced-call-streams.ts). Its streaming methods are grpc-js's own, and so are
 * its unary calls while the servers have no call stream (an older version during a rolling
 * deploy).
 */
export function streamedClient<C>(
  Client: (new (address: string, credentials: grpc.ChannelCredentials, options: grpc.ClientOptions) => C) & { service: grpc.ServiceDefinition },
  serviceName: string,
  address: string,
  target: string,
  options: grpc.ClientOptions,
): C {
  const credentials = grpc.credentials.createInsecure();
  const plain = new Client(target, credentials, options) as C & grpc.Client;
  const Calls = callsProto().CallStream as unknown as new (address: string, credentials: grpc.ChannelCredentials, options: grpc.ClientOptions) => CallStreamClient;
  const parsed = parseServiceAddress(address);
  const carrier: CallCarrier =
    parsed.kind === 'hosts' && parsed.hosts.length === 1
      ? new CallStreamChannel(new Calls(target, credentials, { ...options, channelOverride: plain.getChannel() }))
      : new BalancedCallStreams(parsed, (instance) => new CallStreamChannel(new Calls(instance, credentials, options)));
  const safe = new Set(SAFE_TO_RETRY[serviceName] ?? []);
  const client: Record<string, unknown> = {
    close: () => {
      carrier.close();
      plain.close();
    },
    getChannel: () => plain.getChannel(),
    waitForReady: plain.waitForReady.bind(plain),
  };
  const methods = plain as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, method] of Object.entries(Client.service) as Array<[string, MethodDefinition]>) {
    const own = methods[name].bind(plain);
    const call = method.requestStream || method.responseStream ? own : streamedMethod(carrier, method, safe.has(name), own as (...args: unknown[]) => { cancel(): void });
    client[name] = call;
    if (method.originalName) client[method.originalName] = call;
  }
  return client as C;
}
