import type { Knex } from 'knex';

/**
 * Owned by the message service: full-text search over chat_messages, in the `simple`
 * configuration (no stemming, no stop words: any language).
 *
 * Each message keeps its words as a `tsvector` (`search_vector`) under a GIN index. A column, not
 * an expression index: a bitmap scan rechecks each matching row against the query, and with an
 * expression that meant computing every matching message's words again (ten times slower for a
 * common word). The column is set by a trigger before insert, so the send statement stays as it
 * is. Without a table rewrite, so an upgrade blocks no send: the column is added empty, filled in
 * batches of committed updates, and the index built concurrently (a build that failed half-way
 * left an invalid index, dropped first when the migration runs again).
 */
export const config = { transaction: false };

const BATCH = 10_000;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table chat_messages add column if not exists search_vector tsvector');
  await knex.raw(`create or replace function chat_messages_search_vector() returns trigger language plpgsql as $$
    begin
      new.search_vector := to_tsvector('simple', new.content);
      return new;
    end $$`);
  await knex.raw('drop trigger if exists chat_messages_search_vector on chat_messages');
  await knex.raw('create trigger chat_messages_search_vector before insert or update of content on chat_messages for each row execute function chat_messages_search_vector()');
  for (;;) {
    const filled = await knex.raw(
      `update chat_messages set search_vector = to_tsvector('simple', content)
       where ctid = any(array(select ctid from chat_messages where search_vector is null limit ${BATCH}))`,
    );
    if ((filled as { rowCount: number }).rowCount === 0) break;
  }
  await knex.raw('drop index concurrently if exists chat_messages_search_idx');
  await knex.raw('create index concurrently chat_messages_search_idx on chat_messages using gin (search_vector)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index concurrently if exists chat_messages_search_idx');
  await knex.raw('drop trigger if exists chat_messages_search_vector on chat_messages');
  await knex.raw('drop function if exists chat_messages_search_vector()');
  await knex.raw('alter table chat_messages drop column if exists search_vector');
}
