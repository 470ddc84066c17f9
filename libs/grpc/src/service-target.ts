import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import * as grpc from '@grpc/grpc-js';

/**
 * Where a caller reaches a service (`<SERVICE>_SERVICE_ADDR`): one `host:port`, a comma-separated
 * list of them (one per instance), or `dns:///name:port` (every address the name resolves to, as
 * a container orchestrator's service name does). Calls are spread over every instance that is up
 * (`round_robin`, grpc-client.ts).
 */
export type ServiceAddress = { kind: 'hosts'; hosts: HostPort[] } | { kind: 'dns'; name: string; port: number };

export interface HostPort {
  host: string;
  port: number;
}

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[^\s,/:[\]]+):(\d{1,5})$/;
const DNS_TARGET = /^dns:\/\/\/(.+)$/;

function hostPort(text: string): HostPort {
  const match = HOST_PORT.exec(text.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) throw new Error(`"${text.trim()}" is not host:port`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

/** Reads an address setting; throws with what is wrong in it. */
export function parseServiceAddress(value: string): ServiceAddress {
  const dns = DNS_TARGET.exec(value.trim());
  if (dns) {
    const { host, port } = hostPort(dns[1]);
    return { kind: 'dns', name: host, port };
  }
  const parts = value.split(',').filter((part) => part.trim() !== '');
  if (parts.length === 0) throw new Error('no address given');
  return { kind: 'hosts', hosts: parts.map(hostPort) };
}

/** The scheme of our resolver for a list of host:port (grpc-js resolves only one name, or a list of IP literals). */
export const HOSTS_SCHEME = 'parley-hosts';

/**
 * The grpc-js target for an address setting: one host:port as it is (grpc-js's own DNS
 * resolver), `dns:///…` as it is, a list through the `parley-hosts` resolver.
 */
export function serviceTarget(value: string): string {
  const address = parseServiceAddress(value);
  if (address.kind === 'dns') return `dns:///${bracketed(address.name)}:${address.port}`;
  if (address.hosts.length === 1) return `${bracketed(address.hosts[0].host)}:${address.hosts[0].port}`;
  registerHostsResolver();
  return `${HOSTS_SCHEME}:${address.hosts.map((h) => `${bracketed(h.host)}:${h.port}`).join(',')}`;
}

const bracketed = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** `host:port` as a grpc-js target: an IPv6 literal in brackets. */
export const targetOf = ({ host, port }: HostPort): string => `${bracketed(host)}:${port}`;

/** Every address of a host, as the system resolver gives them (an IP literal is itself). */
export async function lookUpHost({ host, port }: HostPort): Promise<HostPort[]> {
  if (isIP(host)) return [{ host, port }];
  return (await lookup(host, { all: true })).map((a) => ({ host: a.address, port }));
}

/** Re-resolution at most this often: a down instance makes the balancer ask again on every failed connect. */
const MIN_RESOLVE_INTERVAL_MS = 1000;

/**
 * Resolves each host of a `parley-hosts:` list (its IPs, as the system resolver gives them) and
 * hands grpc-js every endpoint; asked again when a connection fails, so a host whose address
 * changed (a restarted container) is found again. A host that does not resolve is left out; all
 * failing is a resolution error (calls fail UNAVAILABLE, grpc-js tries again with backoff).
 */
class HostsResolver implements grpc.experimental.Resolver {
  private readonly hosts: HostPort[];
  private resolving = false;
  private lastResolved = 0;
  private timer: NodeJS.Timeout | undefined;
  private destroyed = false;

  constructor(
    target: grpc.experimental.GrpcUri,
    private readonly listener: grpc.experimental.ResolverListener,
  ) {
    this.hosts = target.path.split(',').map(hostPort);
  }

  updateResolution(): void {
    this.destroyed = false;
    if (this.resolving || this.timer) return;
    const wait = this.lastResolved + MIN_RESOLVE_INTERVAL_MS - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.updateResolution();
      }, wait);
      this.timer.unref();
      return;
    }
    this.resolving = true;
    void this.resolve().finally(() => {
      this.resolving = false;
      this.lastResolved = Date.now();
    });
  }

  private async resolve(): Promise<void> {
    const found = await Promise.all(this.hosts.map((host) => lookUpHost(host).then((addresses) => addresses.map((a) => ({ addresses: [a] })), () => [])));
    if (this.destroyed) return;
    const endpoints = found.flat();
    if (endpoints.length > 0) this.listener(grpc.experimental.statusOrFromValue(endpoints), {}, null, '');
    else
      this.listener(
        grpc.experimental.statusOrFromError({ code: grpc.status.UNAVAILABLE, details: `No address for ${this.hosts.map((h) => h.host).join(', ')}`, metadata: new grpc.Metadata() }),
        {},
        null,
        '',
      );
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  static getDefaultAuthority(target: grpc.experimental.GrpcUri): string {
    return target.path.split(',')[0];
  }
}

let registered = false;
function registerHostsResolver(): void {
  if (registered) return;
  registered = true;
  grpc.experimental.registerResolver(HOSTS_SCHEME, HostsResolver);
}
