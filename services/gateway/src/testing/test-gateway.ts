import pino from 'pino';
import { createTokenVerifier } from '@parley/auth';
import { MemoryBus } from '@parley/bus';
import { TEST_JWT_SECRET } from '@parley/testing';
import { createGatewayServer, type GatewayServer } from '../gateway-server';
import type { GatewayLimits } from '../limits/socket-limits';
import { FakeAttachments } from './fake-attachments';
import { FakeBackend } from './fake-backend';
import { FakeSupport } from './fake-support';

export interface TestGateway {
  url: string;
  backend: FakeBackend;
  files: FakeAttachments;
  support: FakeSupport;
  bus: MemoryBus;
  server: GatewayServer;
  close(): Promise<void>;
}

/** A real gateway (HTTP, Socket.io, bus) on a free port, over the fake backend. */
export async function startTestGateway(
  uploadLimits = { maxFileBytes: 64 * 1024, maxFiles: 5 },
  corsOrigins: string[] | '*' = [],
  web: { webAppDir?: string; jwtSecret?: string; devTokens?: boolean } = {},
  { limits, typing, listenBacklog, roomUnbindGraceMs }: { limits?: GatewayLimits; typing?: { throttleMs: number; ttlMs: number }; listenBacklog?: number; roomUnbindGraceMs?: number } = {},
): Promise<TestGateway> {
  const jwtSecret = web.jwtSecret ?? TEST_JWT_SECRET;
  const logger = pino({ level: 'silent' });
  const bus = new MemoryBus(logger);
  const backend = new FakeBackend(bus);
  const files = new FakeAttachments((caller, sessionId) => backend.visible(caller, sessionId));
  backend.claimAttachments = (caller, sessionId, ids) => files.claim(caller, sessionId, ids);
  const support = new FakeSupport((caller, sessionId) => backend.visible(caller, sessionId), () => backend.messages);
  const server = await createGatewayServer({
    sessions: backend.sessionsApi,
    messages: backend.messagesApi,
    presence: backend.presence.api,
    attachments: files.api,
    support: support.api,
    uploadLimits,
    bus,
    verifyToken: createTokenVerifier({ secret: jwtSecret }),
    logger,
    gatewayId: `test-${process.pid}`,
    corsOrigins,
    maxPayloadBytes: 100_000,
    presenceRenewIntervalMs: 50,
    webAppDir: web.webAppDir,
    devTokenSecret: web.devTokens ? jwtSecret : undefined,
    limits,
    typing,
    roomUnbindGraceMs,
  });
  const port = await server.listen(0, '127.0.0.1', listenBacklog);
  return {
    url: `http://127.0.0.1:${port}`,
    backend,
    files,
    support,
    bus,
    server,
    async close() {
      await server.close();
      await bus.close();
    },
  };
}
