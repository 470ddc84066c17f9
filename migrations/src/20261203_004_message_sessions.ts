import type { Knex } from 'knex';

/**
 * Owned by the message service: what it knows of each session from the session service's events
 * (its requester, status and opening), so a search is limited to a requester's own chats or to a
 * status, and first responses are measured from the opening, in one indexed statement of its own.
 * Filled here once from chat_sessions (the migration job owns every table's schema); from then on
 * the message service keeps it from the lifecycle events it consumes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('message_sessions', (t) => {
    t.uuid('session_id').primary();
    t.string('requester_id', 128).notNullable();
    t.string('status', 16).notNullable();
    t.timestamp('opened_at', { useTz: true }).notNullable();
    // The session's updated_at in the event: an older event never overwrites a newer one.
    t.timestamp('changed_at', { useTz: true }).notNullable();
  });
  await knex.raw('create index message_sessions_requester_idx on message_sessions (requester_id)');
  await knex.raw('create index message_sessions_opened_idx on message_sessions (opened_at)');
  await knex.raw(`insert into message_sessions (session_id, requester_id, status, opened_at, changed_at)
                  select id, customer_id, status, created_at, updated_at from chat_sessions`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('message_sessions');
}
