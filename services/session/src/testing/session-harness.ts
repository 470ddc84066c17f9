import pino from 'pino';
import { TEST_INTERNAL_GRPC_TOKEN, TEST_SERVICE_ENV } from '@parley/testing';
import { MemoryBus } from '@parley/bus';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { SessionClient } from '@parley/grpc';
import { loadSessionConfig } from '../config';
import { start, type RunningSessionService } from '../main';

export interface SessionHarness {
  db: TestDatabase;
  bus: MemoryBus;
  service: RunningSessionService;
  address: string;
  client: SessionClient;
  stop(): Promise<void>;
}

/** The session service as it runs in production, on port 0, against a fresh database and an in-process bus; no assigner unless `env` asks for one. */
export async function startSessionHarness(env: Record<string, string> = {}): Promise<SessionHarness> {
  const db = await createTestDatabase();
  const bus = new MemoryBus(pino({ level: 'silent' }));
  const service = await start(loadSessionConfig({ ...TEST_SERVICE_ENV, DATABASE_URL: db.url, SESSION_GRPC_HOST: '127.0.0.1', SESSION_GRPC_PORT: '0', AGENT_OFFLINE_GRACE_MS: '0', ...env }), { bus });
  const address = `127.0.0.1:${service.port}`;
  const client = new SessionClient(address, TEST_INTERNAL_GRPC_TOKEN);
  return {
    db,
    bus,
    service,
    address,
    client,
    async stop() {
      client.close();
      await service.stop();
      await bus.close();
      await db.drop();
    },
  };
}
