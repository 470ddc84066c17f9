import { answerError } from './event-handler';
import { socketListener } from './socket-listener';
import type { GatewaySocket } from './socket.types';

/** setTimeout's longest delay; a token valid for longer is checked again then. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** The second a socket's token expires (ms since the epoch): its bucket. */
const expirySecond = (socket: GatewaySocket) => Math.ceil(socket.data.expiresAt / 1000) * 1000;

/**
 * A socket lives no longer than the token it was opened with: when the token expires the client
 * is told (`error` UNAUTHENTICATED) and disconnected, and must reconnect with a fresh token (the
 * handshake checks it again). @parley/client does that by itself.
 *
 * One timer for the gateway, not one a socket: the sockets wait in buckets by the second their
 * token expires (a JWT's `exp` names a whole second, so none closes late), and the timer is set for
 * the earliest bucket. A socket costs an entry in its bucket, where a timer of its own cost a
 * `Timeout`, its closures and a place in Node's timer lists, made and cleared for every socket of
 * a reconnect storm.
 */
export class TokenExpiries {
  /** Sockets by the time their token expires (ms since the epoch, a whole second). */
  private readonly buckets = new Map<number, Set<GatewaySocket>>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  /** The `disconnect` listener every watched socket shares. */
  private readonly forget = socketListener((socket) => this.remove(socket));

  /** Closes `socket` when its token expires (`socket.data.expiresAt`), unless it disconnects first. */
  watch(socket: GatewaySocket): void {
    const at = expirySecond(socket);
    let bucket = this.buckets.get(at);
    if (!bucket) this.buckets.set(at, (bucket = new Set()));
    bucket.add(socket);
    socket.on('disconnect', this.forget);
    if (at < this.timerAt) this.arm(at);
  }

  private remove(socket: GatewaySocket): void {
    const at = expirySecond(socket);
    const bucket = this.buckets.get(at);
    if (!bucket?.delete(socket) || bucket.size > 0) return;
    this.buckets.delete(at);
    if (this.buckets.size === 0) this.disarm();
  }

  private arm(at: number): void {
    this.disarm();
    this.timerAt = at;
    this.timer = setTimeout(() => this.expire(), Math.max(0, Math.min(at - Date.now(), MAX_DELAY_MS)));
  }

  private disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private expire(): void {
    const now = Date.now();
    const expired: GatewaySocket[] = [];
    let next = Infinity;
    for (const [at, bucket] of this.buckets) {
      if (at > now) {
        next = Math.min(next, at);
        continue;
      }
      this.buckets.delete(at);
      expired.push(...bucket);
    }
    if (next < Infinity) this.arm(next);
    else this.disarm();
    for (const socket of expired) {
      answerError(socket, { code: 'UNAUTHENTICATED', message: 'The token has expired; reconnect with a fresh one' });
      socket.disconnect(true);
    }
  }
}
