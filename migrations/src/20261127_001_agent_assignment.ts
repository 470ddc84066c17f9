import type { Knex } from 'knex';

/**
 * Agents at work, automated. Presence owns `agent_states` (available or away, and since when an
 * agent is offline); the session service indexes the active chats per agent, which the assigner
 * counts on every pass.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('agent_states', (t) => {
    t.string('agent_id', 128).primary();
    t.string('agent_name', 255).notNullable();
    t.string('availability', 16).notNullable().defaultTo('available');
    t.timestamp('offline_since', { useTz: true }).nullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`alter table agent_states add constraint agent_states_availability_check check (availability in ('available', 'away'))`);
  await knex.raw(`create index chat_sessions_active_agent_idx on chat_sessions (agent_id, accepted_at) where status = 'active'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index chat_sessions_active_agent_idx');
  await knex.schema.dropTable('agent_states');
}
