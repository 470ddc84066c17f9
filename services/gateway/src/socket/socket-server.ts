import type http from 'node:http';
import { Server } from 'socket.io';
import { AppError } from '@parley/errors';
import type { TokenVerifier } from '@parley/auth';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import type { ChatService } from '../domain/chat.service';
import type { SessionRooms } from '../delivery/session-rooms';
import { isStaff } from '@parley/contracts';
import type { AgentService } from '../domain/agent.service';
import { AGENTS_ROOM } from '../delivery/lifecycle-delivery';
import { registerAgentEvents } from './agent.gateway';
import { answerError } from './event-handler';
import { registerMessageEvents } from './message.gateway';
import { registerSessionEvents } from './session.gateway';
import type { GatewayServer } from './socket.types';

export interface SocketServerOptions {
  httpServer: http.Server;
  verifyToken: TokenVerifier;
  corsOrigins: string[] | '*';
  /** Largest event payload accepted, in bytes. */
  maxPayloadBytes: number;
}

/** Socket.io with JWT authentication in the handshake (`auth.token`). */
export function createSocketServer({ httpServer, verifyToken, corsOrigins, maxPayloadBytes }: SocketServerOptions): GatewayServer {
  const io: GatewayServer = new Server(httpServer, {
    cors: { origin: corsOrigins === '*' ? true : corsOrigins, credentials: true },
    maxHttpBufferSize: maxPayloadBytes,
    pingInterval: 25_000,
    pingTimeout: 20_000,
  });
  io.use((socket, next) => {
    try {
      socket.data.identity = verifyToken((socket.handshake.auth as { token?: unknown } | undefined)?.token);
      socket.data.sessions = new Map();
      socket.data.queue = Promise.resolve();
      next();
    } catch (error) {
      const failure = new Error(error instanceof AppError ? error.message : 'Authentication failed') as Error & { data: unknown };
      failure.data = { code: 'UNAUTHENTICATED' };
      next(failure);
    }
  });
  return io;
}

export interface ConnectionDeps {
  chat: ChatService;
  agents: AgentService;
  rooms: SessionRooms;
  logger: Logger;
}

/** Registers every client event on each new socket; agents and admins watch the live queue. */
export function handleConnections(io: GatewayServer, { chat, agents, rooms, logger }: ConnectionDeps): void {
  io.on('connection', (socket) => {
    metrics.socketsConnected.inc();
    socket.on('disconnect', () => metrics.socketsConnected.dec());
    if (isStaff(socket.data.identity.role)) void socket.join(AGENTS_ROOM);
    registerSessionEvents(socket, chat, rooms, logger);
    registerMessageEvents(socket, chat, logger);
    registerAgentEvents(socket, agents, chat, rooms, logger);
    // An event nobody handles is a client mistake; say so instead of dropping it silently.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (socket.listenerCount(event) > 0) return;
      const name = String(event).slice(0, 64);
      answerError(socket, { code: 'INVALID_ARGUMENT', message: `Unknown event: ${name}`, event: name }, args.at(-1));
    });
  });
}
