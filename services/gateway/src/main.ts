import http from 'node:http';
import { createTokenVerifier } from '@parley/auth';
import type { EventBus } from '@parley/bus';
import { MessageClient, SessionClient } from '@parley/grpc';
import { createLogger } from '@parley/logger';
import { resolveEventBus, runMain, stopOnSignals } from '@parley/runtime';
import { createMessagesApi, createSessionsApi } from './clients/grpc-apis';
import { loadGatewayConfig, type GatewayConfig } from './config';
import { SessionRooms } from './delivery/session-rooms';
import { createChatService } from './domain/chat.service';
import type { Caller } from './domain/gateway.ports';
import { createHttpApp } from './http/app';
import { createSocketServer, handleConnections } from './socket/socket-server';

export interface RunningGateway {
  port: number;
  stop(): Promise<void>;
}

/** Wires the gateway: REST and Socket.io on one port, the services over gRPC, events from the bus. */
export async function start(config: GatewayConfig, deps: { bus?: EventBus } = {}): Promise<RunningGateway> {
  const logger = createLogger('gateway');
  const bus = resolveEventBus(deps.bus, config.AMQP_URL, config.EVENTS_EXCHANGE, logger);
  const sessionClient = new SessionClient(config.SESSION_SERVICE_ADDR);
  const messageClient = new MessageClient(config.MESSAGE_SERVICE_ADDR);
  const messages = createMessagesApi(messageClient);
  const chat = createChatService({ sessions: createSessionsApi(sessionClient), messages });
  const verifyToken = createTokenVerifier({ secret: config.JWT_SECRET });
  // The gateway reads missed messages as itself, not as any user.
  const gatewayCaller: Caller = { identity: { userId: `gateway:${config.GATEWAY_ID}`, role: 'service', name: 'gateway' } };

  const ready = async () => {
    const checks = { broker: bus.isConnected() };
    return { ready: Object.values(checks).every(Boolean), checks };
  };
  const httpServer = http.createServer(createHttpApp({ chat, verifyToken, corsOrigins: config.CORS_ORIGINS, logger, ready }));
  const io = createSocketServer({ httpServer, verifyToken, corsOrigins: config.CORS_ORIGINS, maxPayloadBytes: config.SOCKET_MAX_PAYLOAD_BYTES });

  // Events can only arrive for rooms this gateway binds, and it binds none before `rooms` exists.
  const subscription = await bus.subscribe({ queue: `parley.gateway.${config.GATEWAY_ID}`, exclusive: true }, (event) => rooms.handleEvent(event));
  const rooms: SessionRooms = new SessionRooms({
    io,
    subscription,
    logger,
    fetchAfter: async (sessionId, afterSeq) =>
      (await messages.list(gatewayCaller, { session_id: sessionId, after_seq: afterSeq, limit: 1000 })).messages,
  });
  handleConnections(io, chat, rooms, logger);

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  const port = (httpServer.address() as { port: number }).port;
  logger.info({ port, gatewayId: config.GATEWAY_ID }, 'gateway listening');

  return {
    port,
    async stop() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await subscription.close();
      sessionClient.close();
      messageClient.close();
      if (!deps.bus) await bus.close();
    },
  };
}

if (require.main === module) {
  runMain(async () => {
    const running = await start(loadGatewayConfig());
    stopOnSignals(createLogger('gateway'), running.stop);
  });
}
export * from './config';
