import type { Knex } from 'knex';

/** Owned by the session service: chat_sessions and its outbox. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('chat_sessions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.string('subject', 200).notNullable();
    t.string('category', 64);
    t.string('priority', 16).notNullable().defaultTo('medium');
    t.string('status', 16).notNullable().defaultTo('waiting');
    t.string('customer_id', 128).notNullable();
    t.string('customer_role', 16).notNullable();
    t.string('customer_name', 200).notNullable();
    t.uuid('restaurant_id');
    t.uuid('ticket_id');
    t.string('agent_id', 128);
    t.string('agent_name', 200);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('accepted_at', { useTz: true });
    t.timestamp('resolved_at', { useTz: true });
    t.timestamp('closed_at', { useTz: true });
    t.check(`status in ('waiting', 'active', 'resolved', 'closed')`, [], 'chat_sessions_status_check');
    t.check(`priority in ('low', 'medium', 'high', 'urgent')`, [], 'chat_sessions_priority_check');
    t.check(`customer_role in ('customer', 'restaurant')`, [], 'chat_sessions_customer_role_check');
  });
  await knex.raw('create index chat_sessions_customer_idx on chat_sessions (customer_id, created_at desc)');
  await knex.raw('create index chat_sessions_agent_idx on chat_sessions (agent_id, status) where agent_id is not null');
  await knex.raw('create index chat_sessions_restaurant_idx on chat_sessions (restaurant_id) where restaurant_id is not null');
  await knex.raw('create index chat_sessions_ticket_idx on chat_sessions (ticket_id) where ticket_id is not null');
  // The queue and the staff list: by status, then most recent first.
  await knex.raw('create index chat_sessions_status_idx on chat_sessions (status, created_at desc)');

  await createOutbox(knex, 'session_outbox');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('session_outbox');
  await knex.schema.dropTable('chat_sessions');
}

/** The transactional outbox a service writes its events to in the same transaction as its state. */
export async function createOutbox(knex: Knex, table: string): Promise<void> {
  await knex.schema.createTable(table, (t) => {
    t.bigIncrements('id').primary();
    t.uuid('event_id').notNullable().unique();
    t.string('type', 64).notNullable();
    t.string('routing_key', 255).notNullable();
    t.jsonb('payload').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('published_at', { useTz: true });
    t.integer('attempts').notNullable().defaultTo(0);
  });
  await knex.raw(`create index ${table}_pending_idx on ${table} (id) where published_at is null`);
  await knex.raw(`create index ${table}_published_idx on ${table} (published_at) where published_at is not null`);
}
