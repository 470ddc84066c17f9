import http from 'node:http';
import type { TokenVerifier } from '@parley/auth';
import type { EventBus } from '@parley/bus';
import type { Logger } from '@parley/logger';
import { SessionRooms } from './delivery/session-rooms';
import { createAttachmentFlow } from './domain/attachment-flow.service';
import { createChatService } from './domain/chat.service';
import type { AttachmentsApi, Caller, MessagesApi, SessionsApi } from './domain/gateway.ports';
import { createHttpApp } from './http/app';
import type { UploadLimits } from './http/upload-storage';
import { createSocketServer, handleConnections } from './socket/socket-server';

export interface GatewayServerDeps {
  sessions: SessionsApi;
  messages: MessagesApi;
  attachments: AttachmentsApi;
  uploadLimits: UploadLimits;
  bus: EventBus;
  verifyToken: TokenVerifier;
  logger: Logger;
  gatewayId: string;
  corsOrigins: string[] | '*';
  maxPayloadBytes: number;
}

export interface GatewayServer {
  httpServer: http.Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** The gateway's servers (REST, Socket.io, its event queue) over whatever session and message APIs it is given. */
export async function createGatewayServer(deps: GatewayServerDeps): Promise<GatewayServer> {
  const { sessions, messages, bus, verifyToken, logger, corsOrigins } = deps;
  const chat = createChatService({ sessions, messages });
  // The gateway reads missed messages as itself, not as any user.
  const gatewayCaller: Caller = { identity: { userId: `gateway:${deps.gatewayId}`, role: 'service', name: 'gateway' } };

  const ready = async () => {
    const checks = { broker: bus.isConnected() };
    return { ready: Object.values(checks).every(Boolean), checks };
  };
  const files = { flow: createAttachmentFlow({ sessions, messages, attachments: deps.attachments }), attachments: deps.attachments, limits: deps.uploadLimits, gatewayCaller };
  const httpServer = http.createServer(createHttpApp({ chat, verifyToken, corsOrigins, logger, ready, files }));
  const io = createSocketServer({ httpServer, verifyToken, corsOrigins, maxPayloadBytes: deps.maxPayloadBytes });

  // Events can only arrive for rooms this gateway binds, and it binds none before `rooms` exists.
  const subscription = await bus.subscribe({ queue: `parley.gateway.${deps.gatewayId}`, exclusive: true }, (event) => rooms.handleEvent(event));
  const rooms: SessionRooms = new SessionRooms({
    io,
    subscription,
    logger,
    fetchAfter: async (sessionId, afterSeq) => (await messages.list(gatewayCaller, { session_id: sessionId, after_seq: afterSeq, limit: 1000 })).messages,
  });
  handleConnections(io, chat, rooms, logger);

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve) => httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port))),
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await subscription.close();
    },
  };
}
