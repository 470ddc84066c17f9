import type { Knex } from 'knex';

/**
 * Private notes: staff's messages of type `note`, stored in a chat's history and shown to staff
 * only (docs/api.md). The message type's check gains `note`; nothing else in the schema changes
 * (the reads that requesters make leave notes out, and notes count on neither side's unread totals).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table chat_messages drop constraint chat_messages_type_check');
  await knex.raw(`alter table chat_messages add constraint chat_messages_type_check check (message_type in ('text', 'image', 'file', 'note', 'system'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex('chat_messages').where({ message_type: 'note' }).delete();
  await knex.raw('alter table chat_messages drop constraint chat_messages_type_check');
  await knex.raw(`alter table chat_messages add constraint chat_messages_type_check check (message_type in ('text', 'image', 'file', 'system'))`);
}
