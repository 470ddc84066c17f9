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

  /** A socket whose token expires `inMs` after the start, watched by `expiries`. */
  const watched = (expiries: TokenExpiries, inMs: number) => {
    const fake = fakeSocket(start + inMs);
    expiries.watch(fake.socket);
    return fake;
  };

  it('closes each socket at the second its token expires, saying why, and not before', () => {
    const expiries = new TokenExpiries();
    const later = watched(expiries, 5_000);
    const soon = watched(expiries, 2_000);

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
    const gone = watched(expiries, 2_000);
    const staying = watched(expiries, 2_000);

    gone.drop();
    jest.advanceTimersByTime(2_000);
    expect(gone.sent).toEqual([]);
    expect(staying.isClosed()).toBe(true);

    const alone = watched(expiries, 60_000);
    alone.drop();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('waits out a token valid for longer than one timer can wait', () => {
    const expiries = new TokenExpiries();
    const month = 30 * 24 * 3600 * 1000;
    const longLived = watched(expiries, month);

    jest.advanceTimersByTime(2 ** 31 - 1);
    expect(longLived.isClosed()).toBe(false);
    jest.advanceTimersByTime(month - (2 ** 31 - 1));
    expect(longLived.isClosed()).toBe(true);
  });
});
