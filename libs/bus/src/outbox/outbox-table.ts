import type { Knex } from 'knex';
import type { EventEnvelope } from '@parley/contracts';

/** An outbox row's id (bigint; a string where a driver leaves it one). */
export type OutboxRowId = number | string;

/** An event and the id of the outbox row that holds it. */
export interface OutboxEntry {
  id: OutboxRowId;
  event: EventEnvelope;
}

/** A row the sweeper took: an event, or (a reference type's) what names events. */
export interface LeftoverRow {
  id: OutboxRowId;
  type: string;
  payload: unknown;
}

/**
 * The SQL of the outbox (`createOutbox`) on one service's table (`session_outbox`, …). A row is
 * an event not yet known to be published; it is deleted once the broker confirmed it.
 */
export class OutboxTable {
  constructor(readonly name: string) {}

  /** The name `insertQuery`'s statement is prepared under in a pipelined transaction: its text is the same for any number of events. */
  get insertName(): string {
    return `${this.name}-insert`;
  }

  /** One insert of every event in the caller's transaction; answers each event with its row's id. */
  async insert(trx: Knex.Transaction, events: EventEnvelope[]): Promise<OutboxEntry[]> {
    if (events.length === 0) return [];
    const { rows } = (await this.insertQuery(trx, events)) as { rows: Array<{ id: OutboxRowId; event_id: string }> };
    return this.entriesOf(events, rows);
  }

  /**
   * The insert of `events` (not run), rows numbered in their order, returning each row's id and
   * event id. One text whatever the number of events (arrays, not a row of values each).
   */
  insertQuery(knex: Knex, events: EventEnvelope[]): Knex.Raw {
    return knex.raw(
      `insert into ?? (event_id, type, routing_key, payload)
       select event_id, type, routing_key, payload
       from unnest(?::uuid[], ?::text[], ?::text[], ?::jsonb[]) with ordinality as e(event_id, type, routing_key, payload, n)
       order by n
       returning id, event_id`,
      [this.name, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.routing_key), events.map((e) => JSON.stringify(e))],
    );
  }

  /** Each event with the id of the row `insertQuery` gave it. */
  entriesOf(events: EventEnvelope[], rows: Array<{ id: OutboxRowId; event_id: string }>): OutboxEntry[] {
    const ids = new Map(rows.map((row) => [row.event_id, row.id]));
    return events.map((event) => {
      const id = ids.get(event.id);
      if (id === undefined) throw new Error(`Outbox ${this.name}: no row came back for event ${event.id}`);
      return { id, event };
    });
  }

  /**
   * Locks the oldest rows created more than `graceMs` ago (by the database's clock), walking the
   * key; other sweepers skip them until this transaction ends.
   */
  async lockLeftovers(trx: Knex.Transaction, graceMs: number, limit: number): Promise<LeftoverRow[]> {
    return trx(this.name)
      .select('id', 'type', 'payload')
      .where('created_at', '<', trx.raw('now() - make_interval(secs => ?)', [graceMs / 1000]))
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked();
  }

  async delete(knex: Knex, ids: OutboxRowId[]): Promise<void> {
    if (ids.length > 0) await knex(this.name).whereRaw('id = any(?::bigint[])', [ids.map(String)]).delete();
  }

  /** Rows not yet known to be published (the backlog gauge). */
  async count(knex: Knex): Promise<number> {
    const row = await knex(this.name).count<{ count: string }[]>('* as count').first();
    return Number(row?.count ?? 0);
  }
}
