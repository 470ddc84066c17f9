import type { Knex } from 'knex';

const OUTBOXES = ['session_outbox', 'presence_outbox', 'message_outbox'];

/**
 * The outbox that deletes confirmed rows (`libs/bus/src/outbox/outbox.ts`): its sweeper takes the
 * rows older than a grace period, so every outbox gets an index on `created_at`. Published rows
 * are no longer kept: the ones the old relay marked are deleted here, or the new sweeper would
 * publish them again. `published_at` stays one more release, unused by this one, so instances of
 * the previous version still running during a rolling upgrade can mark rows (the sweeper then
 * publishes those again: a duplicate the gateways drop by event id; docs/operations.md).
 */
export async function up(knex: Knex): Promise<void> {
  for (const table of OUTBOXES) {
    await knex.raw(`create index if not exists ${table}_created_idx on ${table} (created_at)`);
    await knex(table).whereNotNull('published_at').delete();
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of OUTBOXES) await knex.raw(`drop index if exists ${table}_created_idx`);
}
