import type { Knex } from 'knex';
import type { ChatMessage, EventEnvelope } from '@parley/contracts';
import type { OutboxRelay, OutboxRepository } from '@parley/bus';
import type { MessageRepository, NewMessage, SendResult } from '../domain/message.ports';
import { toMessage, toMessages, type MessageRow } from './message.rows';

const MESSAGES = 'chat_messages';

/**
 * Unread per session: messages by others (of `fromRoles`) after the user's cursor that the user
 * has no receipt for. The cursor is a per-session scalar, so `seq > cursor` bounds the range of the
 * (session_id, seq) index: only the unread rows are read, each checked against the receipts'
 * primary key; the history before the cursor is never touched.
 */
export const UNREAD_COUNTS_SQL = `
  select s.id as session_id, (
    select count(*) from chat_messages m
    where m.session_id = s.id
      and m.seq > coalesce((select c.last_read_seq from message_read_cursors c where c.session_id = s.id and c.user_id = :userId), 0)
      and m.sender_id <> :userId and m.sender_role = any(:fromRoles::text[])
      and not exists (select 1 from message_read_receipts r where r.message_id = m.id and r.user_id = :userId)
  ) as count
  from unnest(:sessionIds::uuid[]) as s(id)`;

/** Thrown inside the send transaction when a concurrent send stored the same temp_id first. */
class DuplicateTempId extends Error {}

/** chat_messages, the per-session seq counters, read cursors and receipts, and message_outbox. */
export function createMessageRepository(knex: Knex, outbox: OutboxRepository, relay: OutboxRelay): MessageRepository {
  const withReceipts = (rows: MessageRow[]) => toMessages(knex, rows);

  async function findByTempId(sessionId: string, senderId: string, tempId: string): Promise<ChatMessage | null> {
    const row = await knex<MessageRow>(MESSAGES).where({ session_id: sessionId, sender_id: senderId, temp_id: tempId }).first();
    return row ? (await withReceipts([row]))[0] : null;
  }

  async function send(message: NewMessage, eventsFor: (stored: ChatMessage) => EventEnvelope[]): Promise<SendResult> {
    try {
      const stored = await knex.transaction(async (trx) => {
        // The counter row's lock orders concurrent sends of one session: seq N commits before N + 1.
        const { rows } = await trx.raw<{ rows: { last_seq: number }[] }>(
          `insert into message_session_counters (session_id, last_seq) values (?, 1)
           on conflict (session_id) do update set last_seq = message_session_counters.last_seq + 1
           returning last_seq`,
          [message.session_id],
        );
        const seq = Number(rows[0].last_seq);
        const inserted = await trx.raw<{ rows: MessageRow[] }>(
          `insert into chat_messages (session_id, seq, sender_id, sender_role, sender_name, content, message_type, temp_id, attachments)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
           on conflict (session_id, sender_id, temp_id) where temp_id is not null do nothing
           returning *`,
          [message.session_id, seq, message.sender_id, message.sender_role, message.sender_name, message.content, message.message_type, message.temp_id, JSON.stringify(message.attachments)],
        );
        if (inserted.rows.length === 0) throw new DuplicateTempId();
        await trx.raw(
          `insert into message_read_cursors (session_id, user_id, last_read_seq) values (?, ?, ?)
           on conflict (session_id, user_id) do update
           set last_read_seq = greatest(message_read_cursors.last_read_seq, excluded.last_read_seq), updated_at = now()`,
          [message.session_id, message.sender_id, seq],
        );
        const created = toMessage(inserted.rows[0]);
        await outbox.add(trx, eventsFor(created));
        return created;
      });
      relay.notify();
      return { message: stored, created: true };
    } catch (error) {
      if (!(error instanceof DuplicateTempId) || !message.temp_id) throw error;
      const existing = await findByTempId(message.session_id, message.sender_id, message.temp_id);
      if (!existing) throw error;
      return { message: existing, created: false };
    }
  }

  return {
    findByTempId,
    send,

    async listPage(sessionId, limit, offset) {
      const rows = await knex<MessageRow>(MESSAGES).where({ session_id: sessionId }).orderBy('seq', 'desc').limit(limit).offset(offset);
      return withReceipts(rows.reverse());
    },

    async listAfter(sessionId, afterSeq, limit) {
      const rows = await knex<MessageRow>(MESSAGES).where({ session_id: sessionId }).andWhere('seq', '>', afterSeq).orderBy('seq', 'asc').limit(limit);
      return withReceipts(rows);
    },

    async lastSeq(sessionId) {
      const row = await knex('message_session_counters').where({ session_id: sessionId }).first<{ last_seq: number } | undefined>('last_seq');
      return row ? Number(row.last_seq) : 0;
    },

    async unreadCounts(userId, sessionIds, fromRoles) {
      if (sessionIds.length === 0) return new Map();
      const { rows } = await knex.raw<{ rows: { session_id: string; count: string }[] }>(UNREAD_COUNTS_SQL, {
        userId,
        sessionIds,
        fromRoles: [...fromRoles],
      });
      return new Map(rows.map((r) => [r.session_id, Number(r.count)]));
    },

    async lastMessages(sessionIds) {
      if (sessionIds.length === 0) return new Map();
      const { rows } = await knex.raw<{ rows: MessageRow[] }>(
        `select distinct on (session_id) * from chat_messages where session_id = any(?::uuid[]) order by session_id, seq desc`,
        [sessionIds],
      );
      const messages = await withReceipts(rows);
      return new Map(messages.map((m) => [m.session_id, m]));
    },
  };
}
