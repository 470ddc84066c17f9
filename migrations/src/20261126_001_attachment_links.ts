import type { Knex } from 'knex';

/**
 * Linking messages and attachments without a cross-service transaction (docs/architecture.md,
 * Attachments):
 * - chat_messages.attachments (the message service's): the snapshot of the attachments' metadata
 *   a message was sent with, so history and new_message never ask another service.
 * - message_attachments.claimed_at (the attachment service's): when an upload was reserved for a
 *   session by a send; the cleanup of unsent uploads leaves fresh reservations alone.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('chat_messages', (t) => {
    t.jsonb('attachments').notNullable().defaultTo('[]');
  });
  await knex.schema.alterTable('message_attachments', (t) => {
    t.timestamp('claimed_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('message_attachments', (t) => t.dropColumn('claimed_at'));
  await knex.schema.alterTable('chat_messages', (t) => t.dropColumn('attachments'));
}
