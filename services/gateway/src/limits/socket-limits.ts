import type { ErrorEvent } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import { answerError, type Admit } from '../socket/event-handler';
import type { GatewayServer, GatewaySocket } from '../socket/socket.types';
import { clientIp } from './client-ip';
import type { ConnectionCap } from './connection-cap';
import type { RateLimits } from './rate-limiters';
import type { EventsInFlight } from './events-in-flight';

export interface GatewayLimits {
  rates: RateLimits;
  connections: ConnectionCap;
  /** How many reverse proxies in front of the gateway to trust for X-Forwarded-For. */
  trustedProxies: number;
  /** send_message events taken and not answered yet, per socket and on this gateway. */
  sends: EventsInFlight;
  /** join_session events taken and not answered yet on this gateway. */
  joins: EventsInFlight;
  /** What a refused send is told to wait before it comes again. */
  sendRetryAfterMs: number;
}

type Middleware = (socket: GatewaySocket, next: (error?: Error) => void) => void;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function exhausted(message: string, retryAfterMs?: number): Error {
  const error = new Error(message) as Error & { data: unknown };
  error.data = { code: 'RESOURCE_EXHAUSTED', ...(retryAfterMs === undefined ? {} : { retry_after_ms: retryAfterMs }) };
  return error;
}

/**
 * The one shape of an event refused by a limit: `error` RESOURCE_EXHAUSTED naming the event and
 * its temp_id, with how long to wait before sending it again.
 */
export function refusedEvent(event: string, payload: unknown, message: string, retryAfterMs: number): ErrorEvent {
  const tempId = (payload as { temp_id?: unknown } | null | undefined)?.temp_id;
  return {
    code: 'RESOURCE_EXHAUSTED',
    message,
    event: String(event).slice(0, 64),
    ...(typeof tempId === 'string' ? { temp_id: tempId } : {}),
    retry_after_ms: retryAfterMs,
  };
}

/** Before the token is read: connection attempts per client IP (failed handshakes count too). */
export function limitConnectAttempts({ rates, trustedProxies }: GatewayLimits): Middleware {
  return (socket, next) => {
    const verdict = rates.connectAttempts.take(clientIp(socket.request, trustedProxies));
    next(verdict.allowed ? undefined : exhausted(`Too many connection attempts; try again in ${seconds(verdict.retryAfterMs)} s`, verdict.retryAfterMs));
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
 * handler. The check is synchronous (no store is asked: see rate-limiters.ts), so the events that
 * pass keep their order and a refusal costs a lookup and the answer.
 */
export function limitEvents(socket: GatewaySocket, { rates }: GatewayLimits): void {
  socket.use((packet, next) => {
    const own = rates.socketEvents.take(socket.id);
    const verdict = own.allowed ? rates.userEvents.take(socket.data.identity.userId) : own;
    if (verdict.allowed) {
      next();
      return;
    }
    const [event, ...args] = packet as [string, ...unknown[]];
    answerError(socket, refusedEvent(event, args[0], `Too many events; try again in ${seconds(verdict.retryAfterMs)} s`, verdict.retryAfterMs), args.at(-1));
  });
}

/** Puts the per-event limits on every new socket. */
export function applyEventLimits(io: GatewayServer, limits: GatewayLimits): void {
  io.on('connection', (socket) => limitEvents(socket, limits));
}

/**
 * send_message over either bound of unanswered sends (this socket's, this gateway's) is refused at
 * once, stored nowhere, and the client is told when to try again; an admitted send holds its slot
 * until it is answered or fails.
 */
export function admitSends(sends: EventsInFlight, retryAfterMs: number): Admit {
  return admitInFlight(sends, retryAfterMs, 'Too many messages waiting for an answer on this connection', (count) => metrics.sendsInFlight.set(count));
}

/** join_session past the gateway's bound of joins running is refused at once, as a send is. */
export function admitJoins(joins: EventsInFlight, retryAfterMs: number): Admit {
  return admitInFlight(joins, retryAfterMs, 'Too many joins waiting for an answer on this connection', (count) => metrics.joinsInFlight.set(count));
}

function admitInFlight(counter: EventsInFlight, retryAfterMs: number, socketFull: string, gauge: (inFlight: number) => void): Admit {
  return (socket, event, payload) => {
    const admission = counter.acquire(socket.id);
    if ('slot' in admission) {
      gauge(counter.inFlight());
      return {
        release: () => {
          admission.slot.release();
          gauge(counter.inFlight());
        },
      };
    }
    const message = `${admission.refused === 'socket' ? socketFull : 'The server is busy'}; try again in ${seconds(retryAfterMs)} s`;
    return { refusal: refusedEvent(event, payload, message, retryAfterMs) };
  };
}
