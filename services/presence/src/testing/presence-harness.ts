import pino from 'pino';
import { MemoryBus } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { PresenceClient, type SessionClient } from '@parley/grpc';
import { startFakeSessionService, TEST_INTERNAL_GRPC_TOKEN, TEST_SERVICE_ENV } from '@parley/testing';
import { loadPresenceConfig } from '../config';
import { start } from '../main';

export interface PresenceHarness {
  db: TestDatabase;
  bus: MemoryBus;
  presenceAddress: string;
  /** The session service, as a test's caller: chats are opened, accepted and closed through it. */
  sessions: SessionClient;
  presence: PresenceClient;
  /** Every event published on the bus, in order. */
  events: EventEnvelope[];
  /** Stops the session service alone (presence must then do without it). */
  stopSessionService(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The presence service as it runs in production, on port 0, on a fresh database and an in-process
 * bus, asking a fake session service over gRPC (libs/testing); `timings` override its lease and
 * typing settings.
 */
export async function startPresenceHarness(timings: Record<string, string> = {}): Promise<PresenceHarness> {
  const db = await createTestDatabase();
  const bus = new MemoryBus(pino({ level: 'silent' }));
  const events: EventEnvelope[] = [];
  const subscription = await bus.subscribe({ queue: 'presence-harness', exclusive: true, patterns: ['session.#', 'agents.#', 'admins.#'] }, (event) => void events.push(event));
  const sessionService = await startFakeSessionService({ bus });
  const presenceService = await start(
    loadPresenceConfig({ ...TEST_SERVICE_ENV, DATABASE_URL: db.url, PRESENCE_GRPC_HOST: '127.0.0.1', PRESENCE_GRPC_PORT: '0', SESSION_SERVICE_ADDR: sessionService.address, ...timings }),
    { bus },
  );
  const presenceAddress = `127.0.0.1:${presenceService.port}`;
  const presence = new PresenceClient(presenceAddress, TEST_INTERNAL_GRPC_TOKEN);
  return {
    db,
    bus,
    presenceAddress,
    sessions: sessionService.client,
    presence,
    events,
    stopSessionService: () => sessionService.stop(),
    async stop() {
      presence.close();
      await subscription.close();
      await presenceService.stop();
      await sessionService.stop();
      await bus.close();
      await db.drop();
    },
  };
}
