import type { Knex } from 'knex';

/**
 * Owned by the message service. `receipts_seq`: how far "mark everything read" has written
 * receipts for the user, so the next one writes receipts only for newer messages, never the whole
 * history again. (`last_read_seq` may be ahead of it: sending a message moves it without receipts.)
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('message_read_cursors', (t) => {
    t.bigInteger('receipts_seq').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('message_read_cursors', (t) => {
    t.dropColumn('receipts_seq');
  });
}
