import type { Knex } from 'knex';

/** The session service's queue: its order as an index, and a version for queue.changed events. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `create index chat_sessions_queue_idx on chat_sessions
     ((case priority when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 else 3 end), created_at)
     where status = 'waiting'`,
  );
  await knex.raw('create sequence session_queue_version');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop sequence session_queue_version');
  await knex.raw('drop index chat_sessions_queue_idx');
}
