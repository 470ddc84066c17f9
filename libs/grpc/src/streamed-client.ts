import * as grpc from '@grpc/grpc-js';
import { CallStreamChannel, type CallCarrier, type UnaryMethod } from './call-stream.client';
import { BalancedCallStreams } from './balanced-call-streams';
import { callsProto } from './proto-loader';
import { isNoCallStream } from './service-error';
import { parseServiceAddress } from './service-target';
import { RETRY_POLICY, retryPauses, SAFE_TO_RETRY } from './retry-policy';
import { callArguments } from './call-arguments';
import { serviceError } from './service-error';
import type { CallStreamClient } from './generated/parley/calls/v1/CallStream';

/** grpc-js's own default when a call names no deadline: none (here: a day). */
const NO_DEADLINE_MS = 24 * 3600 * 1000;

/** A call's deadline in ms since the epoch. */
function deadlineOf({ deadline }: grpc.CallOptions): number {
  if (deadline === undefined || deadline === Infinity) return Date.now() + NO_DEADLINE_MS;
  return deadline instanceof Date ? deadline.getTime() : deadline;
}

/**
 * One unary method over the call stream, with the retries grpc-js's service config gives the
 * same method over its own HTTP/2 stream (retry-policy.ts): a method safe to repeat is tried
 * again after UNAVAILABLE, with a randomised backoff, within its deadline.
 */
function streamedMethod(channel: CallCarrier, method: UnaryMethod, safe: boolean, unary: (...args: unknown[]) => { cancel(): void }) {
  return (request: unknown, ...rest: unknown[]) => {
    if (!channel.supported) return unary(request, ...rest);
    const { metadata, options, callback } = callArguments(rest);
    const deadline = deadlineOf(options);
    let cancel = () => undefined as void;
    const nextPause = retryPauses();
    const attempt = (n: number) => {
      cancel = channel.call(method, request, metadata, deadline, (error, response) => {
        if (error && isNoCallStream(error)) {
          // The server has no call stream: this call, and the next ones for a while, go unary.
          cancel = unary(request, ...rest).cancel;
          return;
        }
        const pause = nextPause();
        if (error && safe && error.code === grpc.status.UNAVAILABLE && n < RETRY_POLICY.maxAttempts && Date.now() + pause < deadline) {
          const timer = setTimeout(() => attempt(n + 1), pause);
          cancel = () => {
            clearTimeout(timer);
            callback(serviceError({ code: grpc.status.CANCELLED, details: 'Cancelled on client' }), null);
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
  for (const [name, method] of Object.entries(Client.service) as Array<[string, UnaryMethod]>) {
    const own = methods[name].bind(plain);
    const call = method.requestStream || method.responseStream ? own : streamedMethod(carrier, method, safe.has(name), own as (...args: unknown[]) => { cancel(): void });
    client[name] = call;
    if (method.originalName) client[method.originalName] = call;
  }
  return client as C;
}
