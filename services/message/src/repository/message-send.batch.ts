import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { failed, succeeded, type Outcome } from '@parley/batching';
import type { ChatMessage, EventEnvelope } from '@parley/contracts';
import { queryPrepared } from '@parley/db';
import { countedSide, type NewMessage, type SendResult } from '../domain/message.ports';
import { sendBatchSql } from './message-send.sql';
import { toMessages, type MessageRow } from './message.rows';

/** One send as the domain asks for it: the message, and the events to record with it once its seq is known. */
export interface SendRequest {
  message: NewMessage;
  eventsFor(stored: ChatMessage): EventEnvelope[];
}

/** An event written to the outbox by a committed batch, with its row's id. */
export interface CommittedEvent {
  id: string;
  event: EventEnvelope;
}

interface Prepared {
  provisional: ChatMessage;
  events: EventEnvelope[];
}

interface ResultRow {
  kind: 'message' | 'event';
  ord: number | null;
  seq: number | null;
  outbox_id: string | null;
  event_id: string | null;
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
 * with it (created = false). `committed` gets the events of the stored messages after the commit.
 */
export function createSendBatch(knex: Knex, outboxTable: string, committed: (events: CommittedEvent[]) => void) {
  const sql = sendBatchSql(outboxTable);
  const statementName = `message-send-batch-${outboxTable}`;

  async function execute(leaders: Prepared[]): Promise<ResultRow[]> {
    const column = <T>(pick: (p: Prepared) => T) => leaders.map(pick);
    const events = leaders.flatMap((p, i) => p.events.map((event) => ({ item: i + 1, event })));
    const values = [
      column((p) => p.provisional.id),
      column((p) => p.provisional.session_id),
      column((p) => p.provisional.sender_id),
      column((p) => p.provisional.sender_role),
      column((p) => p.provisional.sender_name),
      column((p) => p.provisional.content),
      column((p) => p.provisional.message_type),
      column((p) => p.provisional.temp_id),
      column((p) => JSON.stringify(p.provisional.attachments)),
      column((p) => p.provisional.created_at),
      column((p) => (countedSide(p.provisional) === 'requesters' ? 1 : 0)),
      column((p) => (countedSide(p.provisional) === 'staff' ? 1 : 0)),
      events.map((e) => e.item),
      events.map((e) => e.event.id),
      events.map((e) => e.event.type),
      events.map((e) => e.event.routing_key),
      events.map((e) => JSON.stringify(e.event)),
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
    const leaders: Array<{ index: number; prepared: Prepared }> = [];
    const followers: Array<{ index: number; leader: number }> = [];
    requests.forEach((request, index) => {
      const key = tempKey(request.message);
      const leader = key === null ? undefined : leaderOf.get(key);
      if (leader !== undefined) return void followers.push({ index, leader });
      const provisional: ChatMessage = { ...request.message, id: randomUUID(), seq: 0, created_at: now, read_by: [] };
      try {
        leaders.push({ index, prepared: { provisional, events: request.eventsFor(provisional) } });
        if (key !== null) leaderOf.set(key, index);
      } catch (error) {
        outcomes[index] = failed(error);
      }
    });

    if (leaders.length > 0) {
      const rows = await execute(leaders.map((l) => l.prepared));
      const outboxIds = new Map(rows.filter((r) => r.kind === 'event').map((r) => [r.event_id as string, String(r.outbox_id)]));
      const existing: Array<{ index: number; row: MessageRow }> = [];
      const stored: CommittedEvent[] = [];
      for (const row of rows) {
        if (row.kind !== 'message' || row.ord === null) continue;
        const { index, prepared } = leaders[row.ord - 1];
        if (row.existing) {
          existing.push({ index, row: { ...row.existing, created_at: new Date(row.existing.created_at) } });
          continue;
        }
        const message = prepared.provisional;
        message.seq = Number(row.seq);
        for (const event of prepared.events) {
          const data = event.data as { message?: ChatMessage };
          if (data.message?.id === message.id) data.message = message;
          stored.push({ id: outboxIds.get(event.id) as string, event });
        }
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
