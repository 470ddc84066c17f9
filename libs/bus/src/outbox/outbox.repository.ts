import type { Knex } from 'knex';
import type { EventEnvelope } from '@parley/contracts';

export interface OutboxRow {
  id: number;
  event_id: string;
  payload: EventEnvelope;
}

/** The SQL of one service's outbox table (`session_outbox`, `message_outbox`). */
export class OutboxRepository {
  constructor(readonly table: string) {}

  /** Adds events inside the caller's transaction, so they commit (or not) with the state change. */
  async add(trx: Knex.Transaction, events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    await trx(this.table).insert(
      events.map((event) => ({ event_id: event.id, type: event.type, routing_key: event.routing_key, payload: JSON.stringify(event) })),
    );
  }

  /** Locks the oldest unpublished rows; other relays skip them until this transaction ends. */
  lockPending(trx: Knex.Transaction, limit: number): Promise<OutboxRow[]> {
    return trx(this.table)
      .select('id', 'event_id', 'payload')
      .whereNull('published_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked();
  }

  async markPublished(trx: Knex.Transaction, ids: number[]): Promise<void> {
    if (ids.length > 0) await trx(this.table).whereIn('id', ids).update({ published_at: trx.fn.now() });
  }

  async countPending(knex: Knex): Promise<number> {
    const row = await knex(this.table).whereNull('published_at').count<{ count: string }[]>('* as count').first();
    return Number(row?.count ?? 0);
  }

  /** Deletes rows published more than `olderThanMs` ago; the outbox does not grow for ever. */
  async deletePublished(knex: Knex, olderThanMs: number): Promise<number> {
    return knex(this.table)
      .whereNotNull('published_at')
      .where('published_at', '<', new Date(Date.now() - olderThanMs))
      .delete();
  }
}
