import type { Knex } from 'knex';

/**
 * The protocol's other two tables: message_attachments (the attachment service's) and
 * typing_indicators (the presence service's, rows expire after 10 s).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('message_attachments', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('message_id');
    t.uuid('session_id');
    t.string('uploader_id', 128).notNullable();
    t.string('file_name', 255).notNullable();
    t.string('file_type', 128).notNullable();
    t.bigInteger('file_size').notNullable();
    t.string('storage_key', 255).notNullable().unique();
    t.text('file_url').notNullable();
    t.string('thumbnail_key', 255);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create index message_attachments_message_idx on message_attachments (message_id) where message_id is not null');
  await knex.raw('create index message_attachments_unattached_idx on message_attachments (created_at) where message_id is null');

  await knex.schema.createTable('typing_indicators', (t) => {
    t.uuid('session_id').notNullable();
    t.string('user_id', 128).notNullable();
    t.string('user_name', 200).notNullable();
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.primary(['session_id', 'user_id']);
  });
  await knex.raw('create index typing_indicators_expires_idx on typing_indicators (expires_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('typing_indicators');
  await knex.schema.dropTable('message_attachments');
}
