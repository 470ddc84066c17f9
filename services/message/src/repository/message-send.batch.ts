import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { succeeded, type Outcome } from '@parley/batching';
import type { ChatMessage, EventEnvelope } from '@parley/contracts';
import { queryPrepared } from '@parley/db';
import { messageCreatedEvent } from '../domain/message-created.event';
import { countedSide, type NewMessage, type SendResult } from '../domain/message.ports';
import { sendBatchSql } from './message-send.sql';
import { toMessages, type MessageRow } from './message.rows';

/** One send as the domain asks for it: the message, and the request its event carries. */
export interface SendRequest {
  message: NewMessage;
  requestId?: string | null;
}

/** An event of a committed batch, with the id of the outbox row that names it. */
export interface CommittedEvent {
  id: string;
  event: EventEnvelope;
}

interface ResultRow {
  kind: 'message' | 'batch';
  ord: number | null;
  seq: number | null;
  outbox_id: string | null;
  existing: (Omit<MessageRow, 'created_at'> & { created_at: string }) | null;
}

/** Errors after which the same batch is simply run again: a concurrent batch stored a temp_id first, or a deadlock. */
const RETRYABLE = (error: unknown) => {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return (code === '23505' && constraint === 'chat_messages_temp_id_key') || code === '40P01' || code === '40001';
};
const MAX_TRIES = 5;

const tempKey = (m: NewMessage) => (m.temp_id === null ? null : `${m.session_id}\u0000${m.sender_id}\u0000${m.temp_id}`);

/**
 * Stores a batch of sends with one statement (`sendBatchSql`) and answers each on its own. Two
 * sends of the same temp_id in one batch are one message: the first is stored, the second answered
 * with it (created = false). `committed` gets the stored messages' `message.created` after the
 * commit, each with the id of the batch's outbox row.
 */
export function createSendBatch(knex: Knex, outboxTable: string, committed: (events: CommittedEvent[]) => void) {
  const sql = sendBatchSql(outboxTable);
  const statementName = `message-send-batch-${outboxTable}`;

  async function execute(messages: ChatMessage[]): Promise<ResultRow[]> {
    const column = <T>(pick: (m: ChatMessage) => T) => messages.map(pick);
    const values = [
      column((m) => m.id),
      column((m) => m.session_id),
      column((m) => m.sender_id),
      column((m) => m.sender_role),
      column((m) => m.sender_name),
      column((m) => m.content),
      column((m) => m.message_type),
      column((m) => m.temp_id),
      column((m) => JSON.stringify(m.attachments)),
      column((m) => m.created_at),
      column((m) => (countedSide(m) === 'requesters' ? 1 : 0)),
      column((m) => (countedSide(m) === 'staff' ? 1 : 0)),
    ];
    for (let attempt = 1; ; attempt++) {
      try {
        return await queryPrepared<ResultRow & Record<string, unknown>>(knex, statementName, sql, values);
      } catch (error) {
        if (!RETRYABLE(error) || attempt >= MAX_TRIES) throw error;
      }
    }
  }

  return async function sendBatch(requests: SendRequest[]): Promise<Outcome<SendResult>[]> {
    const now = new Date().toISOString();
    const outcomes: Array<Outcome<SendResult> | undefined> = new Array(requests.length);
    // Each send's leader: the first send of its temp_id in the batch (itself when it has none or is first).
    const leaderOf = new Map<string, number>();
    const leaders: Array<{ index: number; message: ChatMessage; requestId?: string | null }> = [];
    const followers: Array<{ index: number; leader: number }> = [];
    requests.forEach((request, index) => {
      const key = tempKey(request.message);
      const leader = key === null ? undefined : leaderOf.get(key);
      if (leader !== undefined) return void followers.push({ index, leader });
      leaders.push({ index, message: { ...request.message, id: randomUUID(), seq: 0, created_at: now, read_by: [] }, requestId: request.requestId });
      if (key !== null) leaderOf.set(key, index);
    });

    if (leaders.length > 0) {
      const rows = await execute(leaders.map((l) => l.message));
      const batchRow = rows.find((r) => r.kind === 'batch')?.outbox_id;
      const existing: Array<{ index: number; row: MessageRow }> = [];
      const stored: CommittedEvent[] = [];
      for (const row of rows) {
        if (row.kind !== 'message' || row.ord === null) continue;
        const { index, message, requestId } = leaders[row.ord - 1];
        if (row.existing) {
          existing.push({ index, row: { ...row.existing, created_at: new Date(row.existing.created_at) } });
          continue;
        }
        message.seq = Number(row.seq);
        stored.push({ id: String(batchRow), event: messageCreatedEvent(message, requestId) });
        outcomes[index] = succeeded({ message, created: true });
      }
      if (stored.length > 0) committed(stored);
      const answers = await toMessages(knex, existing.map((e) => e.row));
      existing.forEach((e, i) => (outcomes[e.index] = succeeded({ message: answers[i], created: false })));
    }
    for (const { index, leader } of followers) {
      const first = outcomes[leader] as Outcome<SendResult>;
      outcomes[index] = first.ok ? succeeded({ message: first.value.message, created: false }) : first;
    }
    return outcomes as Outcome<SendResult>[];
  };
}
