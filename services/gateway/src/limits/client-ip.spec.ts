import type { IncomingMessage } from 'node:http';
import { clientIp } from './client-ip';

const req = (peer: string, forwardedFor?: string) => ({ socket: { remoteAddress: peer }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

describe('clientIp', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientIp(req('198.51.100.1', '203.0.113.5'), 0)).toBe('198.51.100.1');
  });

  it('is what the one trusted proxy saw, not what the client put in front of it', () => {
    expect(clientIp(req('10.0.0.2', 'forged-by-client, 203.0.113.5'), 1)).toBe('203.0.113.5');
  });

  it('falls back to the farthest address it has', () => {
    expect(clientIp(req('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientIp(req('10.0.0.2', '203.0.113.5'), 3)).toBe('203.0.113.5');
  });
});
