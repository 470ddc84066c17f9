import type { Knex } from 'knex';
import pino from 'pino';
import { createOutbox, MemoryBus, type Outbox } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';
import { createKnex, createTestDatabase, type TestDatabase } from '@parley/db';
import { createPresenceService, type PresenceService } from '../domain/presence.service';
import { createPresenceRepository } from '../repository/presence.repository';
import { FakeSessionDirectory } from '@parley/testing';

export interface PresenceInstance {
  presence: PresenceService;
  knex: Knex;
}

export interface PresenceDatabase {
  db: TestDatabase;
  /** Who may see which session, for every instance. */
  sessions: FakeSessionDirectory;
  /** A presence service with its own pool and outbox on the shared database: two are two instances. */
  instance(): PresenceInstance;
  /** Every event the instances published so far (their outboxes flushed first), in order. */
  published(): Promise<EventEnvelope[]>;
  stop(): Promise<void>;
}

/**
 * The presence domain over the SQL repository on a fresh database, as many instances as a test
 * starts, publishing to one in-process bus. Sessions are the fake directory's.
 */
export async function openPresenceDatabase(): Promise<PresenceDatabase> {
  const logger = pino({ level: 'silent' });
  const db = await createTestDatabase();
  const bus = new MemoryBus(logger);
  const sessions = new FakeSessionDirectory();
  const published: EventEnvelope[] = [];
  await bus.subscribe({ queue: 'everything', exclusive: true, patterns: ['#'] }, (event) => void published.push(event));
  const started: Array<{ knex: Knex; outbox: Outbox }> = [];
  return {
    db,
    sessions,
    instance() {
      const knex = createKnex({ url: db.url, poolMax: 5 });
      const outbox = createOutbox({ knex, table: 'presence_outbox', bus, logger });
      started.push({ knex, outbox });
      const presence = createPresenceService({ presence: createPresenceRepository(knex, outbox), sessions, timings: { leaseTtlMs: 20_000, typingTtlMs: 10_000, typingThrottleMs: 3000 } });
      return { presence, knex };
    },
    async published() {
      for (const { outbox } of started) await outbox.flush();
      // The in-process bus hands events over asynchronously; a few turns let the handlers' promises run too.
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
      return [...published];
    },
    async stop() {
      for (const { knex, outbox } of started) {
        await outbox.stop();
        await knex.destroy();
      }
      await bus.close();
      await db.drop();
    },
  };
}
