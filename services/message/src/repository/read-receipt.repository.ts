import type { Knex } from 'knex';
import type { OutboxRelay, OutboxRepository } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';
import type { ReadReceiptRepository } from '../domain/message.ports';

interface Cursor {
  last_read_seq: number;
  receipts_seq: number;
}

/** message_read_receipts and message_read_cursors; `messages.read` goes to message_outbox in the same transaction. */
export function createReadReceiptRepository(knex: Knex, outbox: OutboxRepository, relay: OutboxRelay): ReadReceiptRepository {
  /** The user's cursor row, created if missing and locked: one marking of a user and session at a time. */
  async function lockCursor(trx: Knex.Transaction, sessionId: string, userId: string): Promise<Cursor> {
    await trx.raw(`insert into message_read_cursors (session_id, user_id, last_read_seq) values (?, ?, 0) on conflict do nothing`, [sessionId, userId]);
    const row = await trx('message_read_cursors').where({ session_id: sessionId, user_id: userId }).forUpdate().first<Cursor>('last_read_seq', 'receipts_seq');
    return { last_read_seq: Number(row.last_read_seq), receipts_seq: Number(row.receipts_seq) };
  }

  async function commit(trx: Knex.Transaction, newlyRead: string[], eventsFor: (ids: string[]) => EventEnvelope[]): Promise<string[]> {
    await outbox.add(trx, eventsFor(newlyRead));
    return newlyRead;
  }

  async function run(work: (trx: Knex.Transaction) => Promise<string[]>): Promise<string[]> {
    const newlyRead = await knex.transaction(work);
    if (newlyRead.length > 0) relay.notify();
    return newlyRead;
  }

  return {
    findInSession: (sessionId, ids) => knex('chat_messages').where({ session_id: sessionId }).whereIn('id', ids).select('id', 'sender_id'),

    markMessages: (sessionId, userId, ids, eventsFor) =>
      run(async (trx) => {
        const cursor = await lockCursor(trx, sessionId, userId);
        const { rows } = await trx.raw<{ rows: { message_id: string }[] }>(
          `insert into message_read_receipts (message_id, session_id, user_id, seq)
           select id, session_id, ?, seq from chat_messages where session_id = ? and id = any(?::uuid[])
           on conflict (message_id, user_id) do nothing returning message_id`,
          [userId, sessionId, ids],
        );
        // The cursor moves up to the first message of others still unread: everything before it is read.
        await trx.raw(
          `update message_read_cursors set updated_at = now(), last_read_seq = greatest(last_read_seq, coalesce(
             (select min(m.seq) - 1 from chat_messages m
              where m.session_id = ? and m.seq > ? and m.sender_id <> ?
                and not exists (select 1 from message_read_receipts r where r.message_id = m.id and r.user_id = ?)),
             (select last_seq from message_session_counters where session_id = ?), 0))
           where session_id = ? and user_id = ?`,
          [sessionId, cursor.last_read_seq, userId, userId, sessionId, sessionId, userId],
        );
        return commit(trx, rows.map((r) => r.message_id), eventsFor);
      }),

    markAll: (sessionId, userId, eventsFor) =>
      run(async (trx) => {
        const cursor = await lockCursor(trx, sessionId, userId);
        const counter = await trx('message_session_counters').where({ session_id: sessionId }).first<{ last_seq: number } | undefined>('last_seq');
        const lastSeq = Number(counter?.last_seq ?? 0);
        // Receipts only for what arrived since the last "everything": the (session_id, seq) range, never the whole history.
        const { rows } = await trx.raw<{ rows: { message_id: string }[] }>(
          `insert into message_read_receipts (message_id, session_id, user_id, seq)
           select id, session_id, ?, seq from chat_messages where session_id = ? and seq > ? and seq <= ? and sender_id <> ? order by seq
           on conflict (message_id, user_id) do nothing returning message_id`,
          [userId, sessionId, cursor.receipts_seq, lastSeq, userId],
        );
        await trx('message_read_cursors')
          .where({ session_id: sessionId, user_id: userId })
          .update({ last_read_seq: Math.max(cursor.last_read_seq, lastSeq), receipts_seq: lastSeq, updated_at: trx.fn.now() });
        return commit(trx, rows.map((r) => r.message_id), eventsFor);
      }),
  };
}
