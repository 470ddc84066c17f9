import type { Knex } from 'knex';
import { createOutbox, type Outbox, type OutboxOptions, type OutboxReferences } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';
import { messageCreatedEvent } from '../domain/message-created.event';
import { messageColumns, toMessage, type MessageRow } from './message.rows';

/** The message service's outbox table. */
export const MESSAGE_OUTBOX = 'message_outbox';

/** The type of the outbox row a batch of sends writes: `{"message_ids": [...]}`, the messages it stored. */
export const SENT_BATCH = 'message.created.batch';

/** The messages a batch row names. */
const messageIdsOf = (payload: unknown) => (payload as { message_ids: string[] }).message_ids;

/**
 * How the outbox's sweeper makes the events of a batch of sends it finds unconfirmed (a failed
 * publish, a crash): each named message's `message.created` from its row, as the committing
 * process made it (the same event id, no readers yet), each session's in seq order. A message
 * no longer stored has no event.
 */
export const sentBatches: OutboxReferences = {
  type: SENT_BATCH,
  countOf: (payload) => messageIdsOf(payload).length,
  async eventsOf(trx: Knex.Transaction, payloads: unknown[]): Promise<EventEnvelope[][]> {
    const batches = payloads.map(messageIdsOf);
    const rows = await trx.raw<{ rows: MessageRow[] }>(`select ${messageColumns('m')} from chat_messages m where m.id = any(?::uuid[]) order by m.session_id, m.seq`, [batches.flat()]);
    const batchOf = new Map(batches.flatMap((ids, i) => ids.map((id) => [id, i] as const)));
    const events = batches.map((): EventEnvelope[] => []);
    for (const row of rows.rows) events[batchOf.get(row.id) as number].push(messageCreatedEvent(toMessage(row)));
    return events;
  },
};

/** The message service's outbox: its events, and its batches of sends (`sentBatches`). */
export function createMessageOutbox(options: Omit<OutboxOptions, 'table' | 'references'>): Outbox {
  return createOutbox({ ...options, table: MESSAGE_OUTBOX, references: sentBatches });
}
