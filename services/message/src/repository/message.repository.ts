import type { Knex } from 'knex';
import { NaturalBatcher } from '@parley/batching';
import type { ChatMessage } from '@parley/contracts';
import type { Outbox } from '@parley/bus';
import type { MessageRepository, NewMessage, SendResult, SenderSide } from '../domain/message.ports';
import { createSendBatch, type SendRequest } from './message-send.batch';
import { createMessageReads } from './message-reads.batch';
import { MESSAGE_OUTBOX } from './message-sent.outbox';
import { toMessages, type MessageRow } from './message.rows';

export { MESSAGE_OUTBOX, createMessageOutbox } from './message-sent.outbox';

const MESSAGES = 'chat_messages';

/** The newest message of each session: one backward step of the (session_id, seq) key per session (a `distinct on` read every row of each). */
export const LAST_MESSAGES_SQL = `
  select m.* from unnest(?::uuid[]) as s(id)
  cross join lateral (select * from chat_messages where session_id = s.id and (? or message_type <> 'note') order by seq desc limit 1) m`;

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

/** chat_messages, the per-session seq counters, read cursors and receipts; their events go through `outbox` (message_outbox). */
export function createMessageRepository(knex: Knex, outbox: Outbox): MessageRepository {
  const withReceipts = (rows: MessageRow[]) => toMessages(knex, rows);
  // Sends that arrive together (one gateway's batch, several gateways, the session events) share a statement.
  const reads = createMessageReads(knex);
  const sends = new NaturalBatcher<SendRequest, SendResult>({ hop: 'message.send', run: createSendBatch(knex, MESSAGE_OUTBOX, (rows) => outbox.committed(rows)), maxBatchSize: 500 });

  async function findByTempId(sessionId: string, senderId: string, tempId: string): Promise<ChatMessage | null> {
    const row = await knex<MessageRow>(MESSAGES).where({ session_id: sessionId, sender_id: senderId, temp_id: tempId }).first();
    return row ? (await withReceipts([row]))[0] : null;
  }

  const send = (message: NewMessage, requestId?: string | null) => sends.submit({ message, requestId });

  return {
    findByTempId,
    send,

    listPage: reads.listPage,
    listAfter: reads.listAfter,

    async unreadCounts(userId, sessionIds, fromSide) {
      if (sessionIds.length === 0) return new Map();
      const { rows } = await knex.raw<{ rows: { session_id: string; count: string }[] }>(unreadCountsSql(fromSide), {
        userId,
        sessionIds,
        fromRoles: [...ROLES_OF[fromSide]],
      });
      return new Map(rows.map((r) => [r.session_id, Number(r.count)]));
    },

    async lastMessages(sessionIds, notes) {
      if (sessionIds.length === 0) return new Map();
      const { rows } = await knex.raw<{ rows: MessageRow[] }>(LAST_MESSAGES_SQL, [sessionIds, notes]);
      const messages = await withReceipts(rows);
      return new Map(messages.map((m) => [m.session_id, m]));
    },
  };
}
