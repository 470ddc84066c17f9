import type { Knex } from 'knex';

/**
 * Owned by the session service: what the reports read, by period. Built concurrently (no
 * transaction), so an upgrade does not stop chats from opening on a large table meanwhile; a
 * build that failed half-way left an invalid index, dropped first when the migration runs again.
 */
export const config = { transaction: false };

const INDEXES = {
  chat_sessions_created_idx: 'chat_sessions (created_at)',
  chat_sessions_accepted_idx: 'chat_sessions (accepted_at) where accepted_at is not null',
  chat_sessions_resolved_idx: 'chat_sessions (resolved_at) where resolved_at is not null',
};

export async function up(knex: Knex): Promise<void> {
  for (const [name, definition] of Object.entries(INDEXES)) {
    await knex.raw(`drop index concurrently if exists ${name}`);
    await knex.raw(`create index concurrently ${name} on ${definition}`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const name of Object.keys(INDEXES)) await knex.raw(`drop index concurrently if exists ${name}`);
}
