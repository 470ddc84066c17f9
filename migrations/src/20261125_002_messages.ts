import type { Knex } from 'knex';
import { createOutbox } from './20261125_001_sessions';

/** Owned by the message service: messages, per-session seq counters, read receipts and cursors, outbox. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('chat_messages', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('session_id').notNullable();
    t.bigInteger('seq').notNullable();
    t.string('sender_id', 128).notNullable();
    t.string('sender_role', 16).notNullable();
    t.string('sender_name', 200).notNullable();
    t.text('content').notNullable();
    t.string('message_type', 16).notNullable().defaultTo('text');
    t.string('temp_id', 128);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['session_id', 'seq'], { indexName: 'chat_messages_session_seq_key' });
    t.check(`message_type in ('text', 'image', 'file', 'system')`, [], 'chat_messages_type_check');
  });
  // Idempotent send: one message per session, sender and client temp_id.
  await knex.raw(
    'create unique index chat_messages_temp_id_key on chat_messages (session_id, sender_id, temp_id) where temp_id is not null',
  );
  // Unread counts: messages after a cursor, by others.
  await knex.raw('create index chat_messages_sender_idx on chat_messages (session_id, sender_id, seq)');

  await knex.schema.createTable('message_session_counters', (t) => {
    t.uuid('session_id').primary();
    t.bigInteger('last_seq').notNullable();
  });

  await knex.schema.createTable('message_read_receipts', (t) => {
    t.uuid('message_id').notNullable().references('id').inTable('chat_messages').onDelete('CASCADE');
    t.uuid('session_id').notNullable();
    t.string('user_id', 128).notNullable();
    t.timestamp('read_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['message_id', 'user_id']);
  });
  await knex.raw('create index message_read_receipts_session_user_idx on message_read_receipts (session_id, user_id)');

  // How far each user has read in each session: unread counts without scanning history.
  await knex.schema.createTable('message_read_cursors', (t) => {
    t.uuid('session_id').notNullable();
    t.string('user_id', 128).notNullable();
    t.bigInteger('last_read_seq').notNullable().defaultTo(0);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['session_id', 'user_id']);
  });

  await createOutbox(knex, 'message_outbox');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['message_outbox', 'message_read_cursors', 'message_read_receipts', 'message_session_counters', 'chat_messages']) {
    await knex.schema.dropTable(table);
  }
}
