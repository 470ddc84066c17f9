import type { Knex } from 'knex';

const OUTBOXES = ['session_outbox', 'presence_outbox', 'message_outbox'];

/** Each outbox's change is its own transaction, so no outbox stays locked while another waits. */
export const config = { transaction: false };

/**
 * How long a change may wait for its outbox's lock before it gives up and tries again: a waiting
 * `alter table` holds back every insert behind it (the sends, on `message_outbox`), and a sweep
 * holds its rows' locks while the broker confirms.
 */
const LOCK_TIMEOUT = '2s';
const TRIES = 30;

/** Runs `statements` in one transaction that waits at most LOCK_TIMEOUT for a lock, again while it times out. */
async function withShortLocks(knex: Knex, statements: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.transaction(async (trx) => {
        await trx.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`);
        for (const statement of statements) await trx.raw(statement);
      });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55P03' || attempt >= TRIES) throw error;
    }
  }
}

/**
 * Every outbox keeps its primary key alone. A row lives from its transaction's commit until the
 * broker confirms it (a few hundred milliseconds), and each index on it was written for every
 * event and cleaned up after it: at 2,000 messages a second the message outbox's four indexes were
 * three of the ten index entries PostgreSQL wrote per message (docs/performance.md). Dropped:
 * the unique key on `event_id` (ids are random UUIDs made once per event; nothing looks rows up by
 * them), `created_at`'s index (the sweeper walks the key, oldest first, and stops at its limit:
 * the rows are few, or old when many), and the old relay's `published_at` with its two partial
 * indexes and `attempts`, unused since migration 20261129_001 (docs/operations.md).
 */
export async function up(knex: Knex): Promise<void> {
  for (const table of OUTBOXES) {
    await withShortLocks(knex, [
      `alter table ${table} drop constraint if exists ${table}_event_id_unique`,
      `drop index if exists ${table}_created_idx`,
      `drop index if exists ${table}_pending_idx`,
      `drop index if exists ${table}_published_idx`,
      `alter table ${table} drop column if exists published_at, drop column if exists attempts`,
    ]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of OUTBOXES) {
    await withShortLocks(knex, [
      `alter table ${table} add column published_at timestamptz, add column attempts integer not null default 0`,
      `create index ${table}_pending_idx on ${table} (id) where published_at is null`,
      `create index ${table}_published_idx on ${table} (published_at) where published_at is not null`,
      `create index ${table}_created_idx on ${table} (created_at)`,
      `alter table ${table} add constraint ${table}_event_id_unique unique (event_id)`,
    ]);
  }
}
