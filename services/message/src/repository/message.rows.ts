import type { Knex } from 'knex';
import type { ChatMessage } from '@parley/contracts';

export interface MessageRow extends Omit<ChatMessage, 'created_at' | 'attachments' | 'read_by' | 'seq'> {
  seq: number | string;
  /** The snapshot taken when the message was sent (jsonb; absent in rows from before it existed). */
  attachments?: ChatMessage['attachments'] | null;
  created_at: Date;
}

/**
 * The columns of a `MessageRow`, named, of the messages aliased `messages`: for prepared statements,
 * whose result must not follow the table (`m.*` would fail every read of a running service once a
 * migration added a column: "cached plan must not change result type").
 */
export const messageColumns = (messages: string) =>
  ['id', 'session_id', 'seq', 'sender_id', 'sender_role', 'sender_name', 'content', 'message_type', 'temp_id', 'attachments', 'created_at']
    .map((column) => `${messages}.${column}`)
    .join(', ');

/** A row read with `READ_BY_COLUMN`: who has read the message came with it. */
export interface MessageRowWithReaders extends MessageRow {
  read_by: Array<{ user_id: string; read_at: string }>;
}

/**
 * Who has read each message of a `chat_messages` query, as a column of its own rows: a page of
 * history is one round trip, not one for the messages and another for their receipts.
 */
export const readByColumn = (messages = 'chat_messages') => `coalesce((select json_agg(json_build_object('user_id', r.user_id, 'read_at', r.read_at) order by r.read_at)
  from message_read_receipts r where r.message_id = ${messages}.id), '[]'::json) as read_by`;
export const READ_BY_COLUMN = readByColumn();

export const toMessageWithReaders = (row: MessageRowWithReaders): ChatMessage =>
  toMessage(
    row,
    row.read_by.map((r) => ({ user_id: r.user_id, read_at: new Date(r.read_at).toISOString() })),
  );

/** Rows to messages, with who has read each (one query for the whole page). */
export async function toMessages(db: Knex | Knex.Transaction, rows: MessageRow[]): Promise<ChatMessage[]> {
  if (rows.length === 0) return [];
  const receipts = await db('message_read_receipts')
    .whereIn(
      'message_id',
      rows.map((r) => r.id),
    )
    .orderBy('read_at')
    .select<{ message_id: string; user_id: string; read_at: Date }[]>('message_id', 'user_id', 'read_at');
  const readBy = new Map<string, ChatMessage['read_by']>();
  for (const r of receipts) {
    const list = readBy.get(r.message_id) ?? [];
    list.push({ user_id: r.user_id, read_at: r.read_at.toISOString() });
    readBy.set(r.message_id, list);
  }
  return rows.map((row) => toMessage(row, readBy.get(row.id) ?? []));
}

export function toMessage(row: MessageRow, readBy: ChatMessage['read_by'] = []): ChatMessage {
  return {
    id: row.id,
    session_id: row.session_id,
    seq: Number(row.seq),
    sender_id: row.sender_id,
    sender_role: row.sender_role,
    sender_name: row.sender_name,
    content: row.content,
    message_type: row.message_type,
    temp_id: row.temp_id,
    created_at: row.created_at.toISOString(),
    attachments: row.attachments ?? [],
    read_by: readBy,
  };
}
