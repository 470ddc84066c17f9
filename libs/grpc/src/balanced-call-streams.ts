import * as grpc from '@grpc/grpc-js';
import type { CallCarrier, CallStreamChannel, Callback, UnaryMethod } from './call-stream.client';
import { serviceError, isUnrun } from './service-error';
import { lookUpHost, targetOf, type HostPort, type ServiceAddress } from './service-target';

/** The instances are looked up again at most this often, and at least this often while calls come. */
const MIN_RESOLVE_INTERVAL_MS = 1000;
const RESOLVE_EVERY_MS = 10_000;
/** An instance whose stream could not be opened or broke gets no new call this long. */
const DOWN_FOR_MS = 1000;

interface Instance {
  key: string;
  channel: CallStreamChannel;
  downUntil: number;
}

/** Every address of a host as a target (`host:port`). */
const addressesOf = async (host: HostPort): Promise<string[]> => (await lookUpHost(host)).map(targetOf);

/**
 * The call stream to a service with several instances (a list of `host:port`, or a `dns:///` name
 * with an address per instance): one stream per instance, each call on the next instance that is
 * not down, round robin, as grpc-js's `round_robin` spreads unary calls. An instance whose stream
 * failed is left out for a second; a call that reached no handler there is sent to the next one
 * (the transparent retry); the rest of a failure is the caller's, as with unary calls
 * (`streamedMethod` retries what is safe to repeat, on the next instance). The instances are
 * looked up again every 10 s while calls come, and after a failure.
 */
export class BalancedCallStreams implements CallCarrier {
  private instances: Instance[] = [];
  private next = 0;
  private resolvedAt = 0;
  private resolving: Promise<void> | null = null;
  private closed = false;

  private readonly resolveHost: (host: HostPort) => Promise<string[]>;
  private readonly resolveEveryMs: number;

  /** `options`: how a host's addresses are found and how often (the system resolver, every 10 s). */
  constructor(
    private readonly address: ServiceAddress,
    private readonly channelTo: (target: string) => CallStreamChannel,
    options: { resolveHost?: (host: HostPort) => Promise<string[]>; resolveEveryMs?: number } = {},
  ) {
    this.resolveHost = options.resolveHost ?? addressesOf;
    this.resolveEveryMs = options.resolveEveryMs ?? RESOLVE_EVERY_MS;
  }

  /** While any instance may serve the stream (the caller calls unary when none does). */
  get supported(): boolean {
    return this.instances.length === 0 || this.instances.some((i) => i.channel.supported);
  }

  call(method: UnaryMethod, request: unknown, metadata: grpc.Metadata, deadline: number, settle: Callback): () => void {
    let cancel: () => void = () => undefined;
    let done = false;
    const finish: Callback = (error, response) => {
      if (done) return;
      done = true;
      settle(error, response);
    };
    const tried = new Set<string>();
    const attempt = () => {
      if (done) return;
      const instance = this.pick(tried);
      if (!instance) {
        finish(serviceError({ code: grpc.status.UNAVAILABLE, details: 'No instance of the service could be reached' }));
        return;
      }
      tried.add(instance.key);
      cancel = instance.channel.call(method, request, metadata, deadline, (error, response) => {
        if (error && isUnrun(error)) {
          this.down(instance);
          if (Date.now() < deadline) return attempt();
        }
        finish(error, response);
      });
    };
    this.ready().then(attempt, (error: Error) => finish(serviceError({ code: grpc.status.UNAVAILABLE, details: `The service's name does not resolve: ${error.message}` })));
    return () => {
      if (done) return;
      cancel();
      finish(serviceError({ code: grpc.status.CANCELLED, details: 'Cancelled on client' }));
    };
  }

  close(): void {
    this.closed = true;
    for (const instance of this.instances) instance.channel.close();
    this.instances = [];
  }

  /** The next instance not tried for this call, preferring those not down; none when all were tried. */
  private pick(tried: Set<string>): Instance | undefined {
    const now = Date.now();
    const candidates = this.instances.filter((i) => !tried.has(i.key));
    const up = candidates.filter((i) => i.downUntil <= now);
    const from = up.length > 0 ? up : candidates;
    if (from.length === 0) return undefined;
    this.next = (this.next + 1) % Number.MAX_SAFE_INTEGER;
    return from[this.next % from.length];
  }

  private down(instance: Instance): void {
    instance.downUntil = Date.now() + DOWN_FOR_MS;
    if (Date.now() - this.resolvedAt >= MIN_RESOLVE_INTERVAL_MS) void this.resolve().catch(() => undefined);
  }

  /** Resolved instances, looking them up first when there are none yet (and in the background when due). */
  private ready(): Promise<void> {
    const due = Date.now() - this.resolvedAt >= this.resolveEveryMs;
    if (this.instances.length === 0) return this.resolve();
    if (due) void this.resolve().catch(() => undefined);
    return Promise.resolve();
  }

  private resolve(): Promise<void> {
    this.resolving ??= this.lookUp().finally(() => (this.resolving = null));
    return this.resolving;
  }

  private async lookUp(): Promise<void> {
    const hosts = this.address.kind === 'dns' ? [{ host: this.address.name, port: this.address.port }] : this.address.hosts;
    const settled = await Promise.allSettled(hosts.map((host) => this.resolveHost(host)));
    const found = [...new Set(settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : [])))];
    this.resolvedAt = Date.now();
    if (found.length === 0) {
      const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      throw failure?.reason instanceof Error ? failure.reason : new Error('no address');
    }
    if (this.closed) return;
    const kept = new Map(this.instances.map((i) => [i.key, i]));
    this.instances = found.map((key) => kept.get(key) ?? { key, channel: this.channelTo(key), downUntil: 0 });
    // An instance gone from the name ends its stream once it has answered what it runs.
    for (const [key, instance] of kept) if (!found.includes(key)) instance.channel.closeWhenIdle();
  }
}
