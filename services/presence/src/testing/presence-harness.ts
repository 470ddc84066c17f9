import pino from 'pino';
import { TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { MemoryBus } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { PresenceClient, SessionClient } from '@parley/grpc';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the presence service's tests ask a real session service who may join
import { loadSessionConfig, start as startSessionService, type RunningSessionService } from '@parley/session';
import { loadPresenceConfig } from '../config';
import { start, type RunningPresenceService } from '../main';

export interface PresenceHarness {
  db: TestDatabase;
  bus: MemoryBus;
  presenceAddress: string;
  sessions: SessionClient;
  presence: PresenceClient;
  /** Every event published on the bus, in order. */
  events: EventEnvelope[];
  /** Stops the session service alone (presence must then do without it). */
  stopSessionService(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The session and presence services as they run in production, each on port 0, sharing a fresh
 * database and an in-process bus; `timings` override the presence service's lease and typing settings.
 */
export async function startPresenceHarness(timings: Record<string, string> = {}): Promise<PresenceHarness> {
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  const db = await createTestDatabase();
  const bus = new MemoryBus(pino({ level: 'silent' }));
  const events: EventEnvelope[] = [];
  const subscription = await bus.subscribe({ queue: 'presence-harness', exclusive: true, patterns: ['session.#', 'agents.#'] }, (event) => void events.push(event));
  const sessionService: RunningSessionService = await startSessionService(
    loadSessionConfig({ INTERNAL_GRPC_TOKEN: TEST_INTERNAL_GRPC_TOKEN, DATABASE_URL: db.url, SESSION_GRPC_HOST: '127.0.0.1', SESSION_GRPC_PORT: '0', AGENT_OFFLINE_GRACE_MS: '0' }),
    { bus },
  );
  const presenceService: RunningPresenceService = await start(
    loadPresenceConfig({ INTERNAL_GRPC_TOKEN: TEST_INTERNAL_GRPC_TOKEN, DATABASE_URL: db.url, PRESENCE_GRPC_HOST: '127.0.0.1', PRESENCE_GRPC_PORT: '0', SESSION_SERVICE_ADDR: `127.0.0.1:${sessionService.port}`, ...timings }),
    { bus },
  );
  const presenceAddress = `127.0.0.1:${presenceService.port}`;
  let sessionStopped = false;
  const sessions = new SessionClient(`127.0.0.1:${sessionService.port}`, TEST_INTERNAL_GRPC_TOKEN);
  const presence = new PresenceClient(presenceAddress, TEST_INTERNAL_GRPC_TOKEN);
  return {
    db,
    bus,
    presenceAddress,
    sessions,
    presence,
    events,
    stopSessionService: async () => {
      if (sessionStopped) return;
      sessionStopped = true;
      await sessionService.stop();
    },
    async stop() {
      sessions.close();
      presence.close();
      await subscription.close();
      await presenceService.stop();
      if (!sessionStopped) await sessionService.stop();
      await bus.close();
      await db.drop();
    },
  };
}
