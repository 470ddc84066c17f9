import type { Knex } from 'knex';
import type { Outbox } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';

/** Runs a write and records its events in one transaction; the outbox publishes them after the commit. */
export type EventWriter = <T>(work: (trx: Knex.Transaction) => Promise<{ result: T; events: EventEnvelope[] }>) => Promise<T>;

export function createEventWriter(outbox: Outbox): EventWriter {
  return (work) =>
    outbox.transaction(async (trx, record) => {
      const done = await work(trx);
      record(done.events);
      return done.result;
    });
}
