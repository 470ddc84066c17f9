import type { Knex } from 'knex';

/**
 * Owned by the message service: the search index's pending list capped at 64 kB (PostgreSQL's
 * default is 4 MB). A GIN index gathers new entries in a pending list and merges them into the
 * index when the list is full, inside the insert that filled it: with 4 MB, one send batch in
 * several thousand waited 200 to 450 ms for that merge, long enough to hold every send of the
 * process behind it. 64 kB merges often and little (docs/architecture.md, "Search"). Changing a
 * storage parameter takes a lock that lets sends and searches go on.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter index chat_messages_search_idx set (gin_pending_list_limit = 64)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter index chat_messages_search_idx reset (gin_pending_list_limit)');
}
