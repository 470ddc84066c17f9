import { EventEmitter } from 'node:events';
import { TokenExpiries } from './token-expiry';
import type { GatewaySocket } from './socket.types';

/** A socket as TokenExpiries uses it: its token's expiry, listeners called on it, what it was sent, whether it was closed. */
function fakeSocket(expiresAt: number) {
  const events = new EventEmitter();
  const sent: Array<[string, unknown]> = [];
  let closed = false;
  const socket = {
    data: { expiresAt },
    on: (event: string, listener: () => void) => events.on(event, listener.bind(socket)),
    emit: (event: string, payload: unknown) => sent.push([event, payload]),
    disconnect: () => {
      closed = true;
      events.emit('disconnect');
    },
  } as unknown as GatewaySocket;
  return { socket, sent, isClosed: () => closed, drop: () => events.emit('disconnect') };
}

describe('TokenExpiries', () => {
  const start = Date.UTC(2026, 11, 7, 12, 0, 0);
  beforeEach(() => jest.useFakeTimers({ now: start }));
  afterEach(() => jest.useRealTimers());

  it('closes each socket at the second its token expires, saying why, and not before', () => {
    const expiries = new TokenExpiries();
    const soon = fakeSocket(start + 2_000);
    const later = fakeSocket(start + 5_000);
    expiries.watch(later.socket);
    expiries.watch(soon.socket);

    jest.advanceTimersByTime(1_999);
    expect(soon.isClosed()).toBe(false);
    jest.advanceTimersByTime(1);
    expect(soon.isClosed()).toBe(true);
    expect(soon.sent).toEqual([['error', { code: 'UNAUTHENTICATED', message: 'The token has expired; reconnect with a fresh one' }]]);
    expect(later.isClosed()).toBe(false);

    jest.advanceTimersByTime(3_000);
    expect(later.isClosed()).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('leaves alone a socket that disconnected first, and keeps no timer once none is watched', () => {
    const expiries = new TokenExpiries();
    const gone = fakeSocket(start + 2_000);
    const staying = fakeSocket(start + 2_000);
    expiries.watch(gone.socket);
    expiries.watch(staying.socket);

    gone.drop();
    jest.advanceTimersByTime(2_000);
    expect(gone.sent).toEqual([]);
    expect(staying.isClosed()).toBe(true);

    const alone = fakeSocket(start + 60_000);
    expiries.watch(alone.socket);
    alone.drop();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('waits out a token valid for longer than one timer can wait', () => {
    const expiries = new TokenExpiries();
    const month = 30 * 24 * 3600 * 1000;
    const longLived = fakeSocket(start + month);
    expiries.watch(longLived.socket);

    jest.advanceTimersByTime(2 ** 31 - 1);
    expect(longLived.isClosed()).toBe(false);
    jest.advanceTimersByTime(month - (2 ** 31 - 1));
    expect(longLived.isClosed()).toBe(true);
  });
});
