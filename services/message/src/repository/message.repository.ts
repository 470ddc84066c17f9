import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ChatMessage, EventEnvelope } from '@parley/contracts';
import type { OutboxRelay, OutboxRepository } from '@parley/bus';
import { sideOf, type MessageRepository, type NewMessage, type SendResult, type SenderSide } from '../domain/message.ports';
import { READ_BY_COLUMN, toMessage, toMessages, toMessageWithReaders, type MessageRow, type MessageRowWithReaders } from './message.rows';

const MESSAGES = 'chat_messages';

/** The newest message of each session: one backward step of the (session_id, seq) key per session (a `distinct on` read every row of each). */
export const LAST_MESSAGES_SQL = `
  select m.* from unnest(?::uuid[]) as s(id)
  cross join lateral (select * from chat_messages where session_id = s.id order by seq desc limit 1) m`;

const ROLES_OF: Record<SenderSide, readonly string[]> = { requesters: ['customer', 'restaurant'], staff: ['support', 'admin'] };

/**
 * Unread per session, from numbers kept by the send (migration 20261128_001): the other side's
 * message total now, less its total as it stood at the user's read cursor (one look-up on the
 * (session_id, seq) key), less the user's receipts past the cursor (messages read out of order: a
 * short range of the (session_id, user_id, seq) index). Nothing scales with the unread messages.
 * A user is never on the side they read, so their own messages never count.
 */
export const unreadCountsSql = (side: SenderSide) => {
  const soFar = side === 'requesters' ? 'requesters_so_far' : 'staff_so_far';
  return `
  select s.id as session_id, greatest(0,
    coalesce(k.${soFar}, 0)
    - coalesce((select m.${soFar} from chat_messages m where m.session_id = s.id and m.seq <= c.seq order by m.seq desc limit 1), 0)
    - (select count(*) from message_read_receipts r
       where r.session_id = s.id and r.user_id = :userId and r.seq > c.seq
         and (select m.sender_role from chat_messages m where m.id = r.message_id) = any(:fromRoles::text[]))
  ) as count
  from unnest(:sessionIds::uuid[]) as s(id)
  left join message_session_counters k on k.session_id = s.id
  cross join lateral (
    select coalesce((select last_read_seq from message_read_cursors where session_id = s.id and user_id = :userId), 0) as seq
  ) c`;
};

/**
 * A send in one statement, so one round trip and an implicit transaction: a retry of a stored
 * temp_id answers the stored row (created = false) and writes nothing; otherwise the session's
 * counter row is bumped (its lock orders concurrent sends of a session: seq N commits before
 * N + 1), with the sender's side's message total, the message is inserted with that seq, the sender's read cursor moves to it and the
 * events go to the outbox with the seq filled in. A concurrent send of the same temp_id that
 * commits first makes this statement fail on the temp_id key, so it writes nothing (no seq gap).
 */
export const sendMessageSql = (outboxTable: string) => `
  with existing as (
    select * from chat_messages
    where :tempId::text is not null and session_id = :sessionId and sender_id = :senderId and temp_id = :tempId
  ), counter as (
    insert into message_session_counters (session_id, last_seq, requesters_so_far, staff_so_far)
    select :sessionId, 1, :requesterMessage::int, :staffMessage::int where not exists (select 1 from existing)
    on conflict (session_id) do update set last_seq = message_session_counters.last_seq + 1,
      requesters_so_far = message_session_counters.requesters_so_far + excluded.requesters_so_far,
      staff_so_far = message_session_counters.staff_so_far + excluded.staff_so_far
    returning last_seq, requesters_so_far, staff_so_far
  ), inserted as (
    insert into chat_messages (id, session_id, seq, sender_id, sender_role, sender_name, content, message_type, temp_id, attachments, created_at, requesters_so_far, staff_so_far)
    select :id, :sessionId, counter.last_seq, :senderId, :senderRole, :senderName, :content, :messageType, :tempId, :attachments::jsonb, :createdAt,
           counter.requesters_so_far, counter.staff_so_far
    from counter
    returning *
  ), cursor as (
    insert into message_read_cursors (session_id, user_id, last_read_seq)
    select session_id, sender_id, seq from inserted
    on conflict (session_id, user_id) do update
    set last_read_seq = greatest(message_read_cursors.last_read_seq, excluded.last_read_seq), updated_at = now()
  ), events as (
    insert into ${outboxTable} (event_id, type, routing_key, payload)
    select (e->>'id')::uuid, e->>'type', e->>'routing_key',
           case when e #>> '{data,message,id}' = inserted.id::text then jsonb_set(e, '{data,message,seq}', to_jsonb(inserted.seq)) else e end
    from inserted cross join jsonb_array_elements(:events::jsonb) as e
  )
  select true as created, inserted.* from inserted
  union all
  select false as created, existing.* from existing`;

const TEMP_ID_KEY = 'chat_messages_temp_id_key';
const isTempIdConflict = (error: unknown) => (error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === TEMP_ID_KEY;

/** chat_messages, the per-session seq counters, read cursors and receipts, and message_outbox. */
export function createMessageRepository(knex: Knex, outbox: OutboxRepository, relay: OutboxRelay): MessageRepository {
  const withReceipts = (rows: MessageRow[]) => toMessages(knex, rows);
  const SEND_MESSAGE_SQL = sendMessageSql(outbox.table);

  async function findByTempId(sessionId: string, senderId: string, tempId: string): Promise<ChatMessage | null> {
    const row = await knex<MessageRow>(MESSAGES).where({ session_id: sessionId, sender_id: senderId, temp_id: tempId }).first();
    return row ? (await withReceipts([row]))[0] : null;
  }

  async function send(message: NewMessage, eventsFor: (stored: ChatMessage) => EventEnvelope[]): Promise<SendResult> {
    // Everything but the seq is known before the statement; the seq is filled into the events by it.
    const provisional: ChatMessage = { ...message, id: randomUUID(), seq: 0, created_at: new Date().toISOString(), read_by: [] };
    try {
      const { rows } = await knex.raw<{ rows: Array<MessageRow & { created: boolean }> }>(SEND_MESSAGE_SQL, {
        id: provisional.id,
        sessionId: message.session_id,
        senderId: message.sender_id,
        senderRole: message.sender_role,
        senderName: message.sender_name,
        content: message.content,
        messageType: message.message_type,
        tempId: message.temp_id,
        attachments: JSON.stringify(message.attachments),
        createdAt: provisional.created_at,
        requesterMessage: sideOf(message.sender_role) === 'requesters' ? 1 : 0,
        staffMessage: sideOf(message.sender_role) === 'staff' ? 1 : 0,
        events: JSON.stringify(eventsFor(provisional)),
      });
      const { created, ...row } = rows[0];
      if (!created) return { message: (await withReceipts([row]))[0], created: false };
      relay.notify();
      return { message: toMessage(row), created: true };
    } catch (error) {
      if (!isTempIdConflict(error) || !message.temp_id) throw error;
      const existing = await findByTempId(message.session_id, message.sender_id, message.temp_id);
      if (!existing) throw error;
      return { message: existing, created: false };
    }
  }

  return {
    findByTempId,
    send,

    async listPage(sessionId, limit, offset) {
      const rows: MessageRowWithReaders[] = await knex(MESSAGES).select('*', knex.raw(READ_BY_COLUMN)).where({ session_id: sessionId }).orderBy('seq', 'desc').limit(limit).offset(offset);
      return rows.reverse().map(toMessageWithReaders);
    },

    async listAfter(sessionId, afterSeq, limit) {
      const rows: MessageRowWithReaders[] = await knex(MESSAGES).select('*', knex.raw(READ_BY_COLUMN)).where({ session_id: sessionId }).andWhere('seq', '>', afterSeq).orderBy('seq', 'asc').limit(limit);
      return rows.map(toMessageWithReaders);
    },

    async lastSeq(sessionId) {
      const row = await knex('message_session_counters').where({ session_id: sessionId }).first<{ last_seq: number } | undefined>('last_seq');
      return row ? Number(row.last_seq) : 0;
    },

    async unreadCounts(userId, sessionIds, fromSide) {
      if (sessionIds.length === 0) return new Map();
      const { rows } = await knex.raw<{ rows: { session_id: string; count: string }[] }>(unreadCountsSql(fromSide), {
        userId,
        sessionIds,
        fromRoles: [...ROLES_OF[fromSide]],
      });
      return new Map(rows.map((r) => [r.session_id, Number(r.count)]));
    },

    async lastMessages(sessionIds) {
      if (sessionIds.length === 0) return new Map();
      const { rows } = await knex.raw<{ rows: MessageRow[] }>(LAST_MESSAGES_SQL, [sessionIds]);
      const messages = await withReceipts(rows);
      return new Map(messages.map((m) => [m.session_id, m]));
    },
  };
}
