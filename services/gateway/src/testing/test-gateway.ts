import pino from 'pino';
import { createTokenVerifier } from '@parley/auth';
import { MemoryBus } from '@parley/bus';
import { TEST_JWT_SECRET } from '@parley/testing';
import { createGatewayServer, type GatewayServer } from '../gateway-server';
import { FakeBackend } from './fake-backend';

export interface TestGateway {
  url: string;
  backend: FakeBackend;
  bus: MemoryBus;
  server: GatewayServer;
  close(): Promise<void>;
}

/** A real gateway (HTTP, Socket.io, bus) on a free port, over the fake backend. */
export async function startTestGateway(): Promise<TestGateway> {
  const logger = pino({ level: 'silent' });
  const bus = new MemoryBus(logger);
  const backend = new FakeBackend(bus);
  const server = await createGatewayServer({
    sessions: backend.sessionsApi,
    messages: backend.messagesApi,
    presence: backend.presence.api,
    bus,
    verifyToken: createTokenVerifier({ secret: TEST_JWT_SECRET }),
    logger,
    gatewayId: `test-${process.pid}`,
    corsOrigins: [],
    maxPayloadBytes: 100_000,
    presenceRenewIntervalMs: 50,
  });
  const port = await server.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    backend,
    bus,
    server,
    async close() {
      await server.close();
      await bus.close();
    },
  };
}
