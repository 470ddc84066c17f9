import type { Knex } from 'knex';

/** Owned by the session service: a chat's rating by its requester, at most one per chat. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('chat_session_ratings', (t) => {
    t.uuid('session_id').primary();
    t.smallint('score').notNullable();
    t.string('comment', 1000);
    t.string('rated_by', 128).notNullable();
    t.string('agent_id', 128);
    t.string('agent_name', 200);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('score between 1 and 5', [], 'chat_session_ratings_score_check');
  });
  // Reports: ratings given in a period, overall and per agent.
  await knex.raw('create index chat_session_ratings_created_idx on chat_session_ratings (created_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('chat_session_ratings');
}
