import type http from 'node:http';
import { Server } from 'socket.io';
import { AppError } from '@parley/errors';
import type { TokenVerifier } from '@parley/auth';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import type { ChatService } from '../domain/chat.service';
import type { PresenceApi } from '../domain/gateway.ports';
import type { SignalsService } from '../domain/signals.service';
import type { TypingService } from '../domain/typing.service';
import type { SessionRooms } from '../delivery/session-rooms';
import { isStaff } from '@parley/contracts';
import type { AgentService } from '../domain/agent.service';
import { ADMINS_ROOM, AGENTS_ROOM } from '../delivery/lifecycle-delivery';
import { agentEvents } from './agent.gateway';
import { originAllowed } from '../http/origin-policy';
import { answerError, listenTo, type EventOptions } from './event-handler';
import { TokenExpiries } from './token-expiry';
import { messageEvents } from './message.gateway';
import { sessionEvents } from './session.gateway';
import { signalEvents, typingSocketOf } from './signals.gateway';
import { socketListener } from './socket-listener';
import type { GatewayServer, GatewaySocket, SocketData } from './socket.types';
import { batchWebSocketWrites } from './websocket-flush';
import { writeUpgradeWithOpenPacket } from './upgrade-writes';
import { DEFAULT_HANDSHAKES_PER_TURN, paceUpgrades } from './upgrade-pacing';

export interface SocketServerOptions {
  httpServer: http.Server;
  verifyToken: TokenVerifier;
  corsOrigins: string[] | '*';
  /** Largest event payload accepted, in bytes. */
  maxPayloadBytes: number;
  /** WebSocket handshakes begun per turn of the event loop (upgrade-pacing.ts). */
  handshakesPerTurn?: number;
  /** Handshake checks around the token's (the rate limits: attempts per IP before, connections per user after). */
  admission?: { beforeAuth?: SocketMiddleware; afterAuth?: SocketMiddleware };
}

type SocketMiddleware = Parameters<GatewayServer['use']>[0];

/** Socket.io with JWT authentication in the handshake (`auth.token`). */
export function createSocketServer({ httpServer, verifyToken, corsOrigins, maxPayloadBytes, handshakesPerTurn = DEFAULT_HANDSHAKES_PER_TURN, admission = {} }: SocketServerOptions): GatewayServer {
  batchWebSocketWrites();
  const io: GatewayServer = new Server(httpServer, {
    cors: { origin: corsOrigins === '*' ? true : corsOrigins, credentials: true },
    maxHttpBufferSize: maxPayloadBytes,
    allowRequest: (req, callback) => callback(originAllowed(req, corsOrigins) ? null : 'origin not allowed', originAllowed(req, corsOrigins)),
    pingInterval: 25_000,
    pingTimeout: 20_000,
  });
  writeUpgradeWithOpenPacket(io);
  paceUpgrades(httpServer, handshakesPerTurn);
  if (admission.beforeAuth) io.use(admission.beforeAuth);
  io.use((socket, next) => {
    try {
      const { identity, expiresAt } = verifyToken.withExpiry((socket.handshake.auth as { token?: unknown } | undefined)?.token);
      socket.data.identity = identity;
      socket.data.expiresAt = expiresAt;
      socket.data.sessions = new Map();
      socket.data.queue = Promise.resolve();
      socket.data.ownSends = new Set();
      socket.data.acksDue = new Set();
      socket.data.typing = new Map();
      socket.data.presenceKnown = false;
      next();
    } catch (error) {
      const failure = new Error(error instanceof AppError ? error.message : 'Authentication failed') as Error & { data: unknown };
      failure.data = { code: 'UNAUTHENTICATED' };
      next(failure);
    }
  });
  if (admission.afterAuth) io.use(admission.afterAuth);
  return io;
}

export interface ConnectionDeps {
  /** Where a disconnect the presence service did not take goes to be retried. */
  disconnectLater(caller: { identity: SocketData['identity'] }, socket: SocketData['ref']): void;
  chat: ChatService;
  agents: AgentService;
  signals: SignalsService;
  typing: TypingService;
  presence: PresenceApi;
  rooms: SessionRooms;
  logger: Logger;
  gatewayId: string;
  /** send_message's admission (the bounds on unanswered sends) and retry hint. */
  sendOptions?: EventOptions;
  /** join_session's admission (the bound on joins running) and retry hint. */
  joinOptions?: EventOptions;
  /** The retry hint of a busy service's refusal, for the other events (leave_session). */
  busyOptions?: EventOptions;
}

/**
 * Registers every client event on each new socket and reports it to the presence service; agents
 * and admins watch the live queue. The listeners are made once and shared by every socket
 * (socket-listener.ts), so a new socket allocates its own state, not its
 * own copy of the gateway's handlers.
 */
export function handleConnections(io: GatewayServer, { chat, agents, signals, typing, presence, rooms, logger, gatewayId, disconnectLater, sendOptions, joinOptions, busyOptions }: ConnectionDeps): void {
  const listeners = [
    ...sessionEvents({ chat, rooms, typing, logger }, busyOptions, joinOptions),
    ...messageEvents(chat, rooms, logger, sendOptions),
    ...agentEvents(agents, chat, rooms, logger),
    ...signalEvents(signals, typing, logger),
  ];
  const expiries = new TokenExpiries();
  // In the socket's queue: a join waits for the connect, the disconnect for whatever runs.
  const report = (socket: GatewaySocket, what: string, call: () => Promise<void>) => {
    socket.data.queue = socket.data.queue.then(call).catch((error: Error) => logger.warn({ err: error.message, socketId: socket.id }, `presence ${what} failed`));
  };
  const disconnected = socketListener((socket) => {
    metrics.socketsConnected.dec();
    const caller = { identity: socket.data.identity };
    typing.leave(caller, typingSocketOf(socket), socket.data.sessions.keys());
    // Decided in the queue, after a join still running has made the socket known.
    report(socket, 'disconnect', async () => {
      if (!socket.data.presenceKnown) return;
      await presence.disconnect(caller, socket.data.ref).catch((error: unknown) => {
        disconnectLater(caller, socket.data.ref);
        throw error;
      });
    });
  });
  // An event nobody handles is a client mistake; say so instead of dropping it silently.
  const unhandled = socketListener((socket, event: string, ...args: unknown[]) => {
    if (socket.listenerCount(event) > 0) return;
    const name = String(event).slice(0, 64);
    answerError(socket, { code: 'INVALID_ARGUMENT', message: `Unknown event: ${name}`, event: name }, args.at(-1));
  });
  io.on('connection', (socket) => {
    metrics.socketsConnected.inc();
    expiries.watch(socket);
    socket.data.ref = { gatewayId, socketId: socket.id };
    const staff = isStaff(socket.data.identity.role);
    if (staff) {
      socket.data.presenceKnown = true;
      report(socket, 'connect', () => presence.connect({ identity: socket.data.identity }, socket.data.ref));
    }
    socket.on('disconnect', disconnected);
    if (staff) void socket.join(AGENTS_ROOM);
    if (socket.data.identity.role === 'admin') void socket.join(ADMINS_ROOM);
    listenTo(socket, listeners);
    socket.onAny(unhandled);
  });
}
