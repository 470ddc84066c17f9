import type { IncomingMessage } from 'node:http';

/**
 * The client's IP address for per-IP limits. Behind `trustedProxies` reverse proxies (TRUST_PROXY,
 * 1 in compose: nginx) it is the address the nearest trusted proxy saw in X-Forwarded-For;
 * otherwise the TCP peer, whatever X-Forwarded-For claims (a client could forge it).
 */
export function clientIp(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // Nearest first: the peer, then what each trusted proxy appended, right to left.
  const chain = [peer, ...forwarded.reverse()];
  return chain[Math.min(trustedProxies, chain.length - 1)];
}
