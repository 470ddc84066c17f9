import type { Logger } from '@parley/logger';
import { answerError } from '../socket/event-handler';
import type { GatewayServer, GatewaySocket } from '../socket/socket.types';
import { clientIp } from './client-ip';
import type { ConnectionCap } from './connection-cap';
import type { RateLimits } from './rate-limiters';

export interface GatewayLimits {
  rates: RateLimits;
  connections: ConnectionCap;
  /** How many reverse proxies in front of the gateway to trust for X-Forwarded-For. */
  trustedProxies: number;
}

type Middleware = (socket: GatewaySocket, next: (error?: Error) => void) => void;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function exhausted(message: string, retryAfterMs?: number): Error {
  const error = new Error(message) as Error & { data: unknown };
  error.data = { code: 'RESOURCE_EXHAUSTED', ...(retryAfterMs === undefined ? {} : { retry_after_ms: retryAfterMs }) };
  return error;
}

/** Before the token is read: connection attempts per client IP (failed handshakes count too). */
export function limitConnectAttempts({ rates, trustedProxies }: GatewayLimits): Middleware {
  return (socket, next) => {
    rates.connectAttempts.take(clientIp(socket.request, trustedProxies)).then((verdict) =>
      next(verdict.allowed ? undefined : exhausted(`Too many connection attempts; try again in ${seconds(verdict.retryAfterMs)} s`, verdict.retryAfterMs)),
    );
  };
}

/** After the token: at most the configured number of open sockets per user, over every gateway. */
export function capConnectionsPerUser({ connections }: GatewayLimits, logger: Logger): Middleware {
  return (socket, next) => {
    const userId = socket.data.identity.userId;
    connections.acquire(userId, socket.id).then((admitted) => {
      if (!admitted) {
        logger.info({ userId }, 'connection refused: too many open connections');
        next(exhausted('Too many open connections for this user; close one first'));
        return;
      }
      socket.on('disconnect', () => void connections.release(userId, socket.id));
      next();
    });
  };
}

/**
 * Every event a socket sends spends a point of its own budget and of its user's; an event over
 * either is refused with `error` RESOURCE_EXHAUSTED (and the ack's error) and never reaches its
 * handler. Checks run one after another per socket, so the events that pass keep their order.
 */
export function limitEvents(socket: GatewaySocket, { rates }: GatewayLimits): void {
  let previous: Promise<void> = Promise.resolve();
  socket.use((packet, next) => {
    const [event, ...args] = packet as [string, ...unknown[]];
    previous = previous.then(async () => {
      const own = await rates.socketEvents.take(socket.id);
      const verdict = own.allowed ? await rates.userEvents.take(socket.data.identity.userId) : own;
      if (verdict.allowed) {
        next();
        return;
      }
      const name = String(event).slice(0, 64);
      const tempId = (args[0] as { temp_id?: unknown } | undefined)?.temp_id;
      answerError(
        socket,
        {
          code: 'RESOURCE_EXHAUSTED',
          message: `Too many events; try again in ${seconds(verdict.retryAfterMs)} s`,
          event: name,
          ...(typeof tempId === 'string' ? { temp_id: tempId } : {}),
        },
        args.at(-1),
      );
    });
  });
}

/** Puts the per-event limits on every new socket. */
export function applyEventLimits(io: GatewayServer, limits: GatewayLimits): void {
  io.on('connection', (socket) => limitEvents(socket, limits));
}
