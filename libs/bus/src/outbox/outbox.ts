import type { Knex } from 'knex';
import type { EventEnvelope } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { registerOutboxBacklog } from '@parley/metrics';
import { pipelinedTransaction, type CommitWith, type PipelinedTransaction } from '@parley/db';
import type { EventBus } from '../event-bus';
import { ConfirmedRows } from './confirmed-rows';
import { OutboxTable, type LeftoverRow, type OutboxEntry, type OutboxRowId } from './outbox-table';

export type { OutboxEntry, OutboxRowId } from './outbox-table';

export interface OutboxOptions {
  knex: Knex;
  /** The service's outbox table (`session_outbox`, `presence_outbox`, `message_outbox`). */
  table: string;
  bus: EventBus;
  logger: Logger;
  /** How often the sweeper looks for leftovers (default 1000 ms). */
  sweepIntervalMs?: number;
  /**
   * Rows younger than this are the committing process's to publish; the sweeper takes only older
   * ones (default 10 s: longer than the bus's publish timeout, so a live publish is never doubled).
   */
  graceMs?: number;
  /** Rows per sweeper transaction (default 500). */
  sweepBatchSize?: number;
  /**
   * Events per sweeper transaction (default 5,000): a reference row may name hundreds, so a
   * transaction takes the oldest rows whose events fit (at least one row) and leaves the rest of
   * what it locked to the next (one publish stays within the broker's confirm timeout).
   */
  sweepMaxEvents?: number;
  /** The least time between two bulk deletes of confirmed rows (default 200 ms). */
  deleteIntervalMs?: number;
  /** Rows that name their events instead of holding them, and how the sweeper makes those events. */
  references?: OutboxReferences;
}

/**
 * Rows of one `type` whose payload names events instead of holding them: the message service
 * writes one row per batch of sends, naming its messages, where a row per message held each
 * message twice (docs/architecture.md, Events). The committing process publishes the events it
 * has in hand and hands every one of them to `committed` with the row's id; the sweeper, in its
 * transaction, asks `eventsOf` for each payload's events (those still to be made: none for a
 * row whose messages are gone).
 */
export interface OutboxReferences {
  type: string;
  /** How many events a payload names (read before they are made). */
  countOf(payload: unknown): number;
  eventsOf(trx: Knex.Transaction, payloads: unknown[]): Promise<EventEnvelope[][]>;
}

/** Records events in the running transaction; they are published once it commits. */
export type RecordEvents = (events: EventEnvelope[]) => void;

/**
 * A service's transactional outbox. A state change and its events commit together; the committing
 * process then publishes the batch's events at once (one confirm wait) and deletes their rows in
 * bulk. A sweeper publishes only what that could not: rows left by a failed publish (a broker
 * outage) or a crash. Delivery is at least once; see docs/architecture.md (Events).
 */
export interface Outbox {
  /**
   * Runs `work` in a transaction; the events it records are inserted into the outbox in the same
   * transaction (one statement), and published after the commit. Record within `work`.
   */
  transaction<T>(work: (trx: Knex.Transaction, record: RecordEvents) => Promise<T>): Promise<T>;
  /**
   * `transaction` on a pipelined transaction (`pipelinedTransaction`): the statements `work`
   * queues side by side travel in one round trip, and the outbox insert leaves with the COMMIT.
   */
  pipelined<T>(work: (trx: PipelinedTransaction, record: RecordEvents) => Promise<T | CommitWith<T>>): Promise<T>;
  /**
   * For callers that run their own transaction: the insert of `events`'s rows to run in it, not
   * run, the name to prepare it under (one text for any number of events), and how the rows it
   * returns become the entries to hand to `committed`.
   */
  insertStatement(events: EventEnvelope[]): { statement: Knex.Raw; name: string; entriesOf(rows: Array<{ id: OutboxRowId; event_id: string }>): OutboxEntry[] };
  /**
   * For callers whose own SQL inserted the outbox rows in their transaction: hands the rows'
   * ids and events over after the commit, to be published and deleted like `transaction`'s.
   */
  committed(rows: OutboxEntry[]): void;
  /** Starts the sweeper (and sweeps at once: what a crashed predecessor left) and the backlog gauge. */
  start(): void;
  /** Stops the sweeper, waits for the publishes under way, deletes what was confirmed. */
  stop(): Promise<void>;
  /** Waits for the publishes under way and deletes what was confirmed (tests). */
  flush(): Promise<void>;
  /** One pass of the sweeper: publishes and deletes the rows past the grace; answers how many rows. */
  sweep(): Promise<number>;
  /** Rows not yet known to be published. */
  pending(): Promise<number>;
}

export function createOutbox(options: OutboxOptions): Outbox {
  return new TransactionalOutbox(options);
}

class TransactionalOutbox implements Outbox {
  private readonly table: OutboxTable;
  private readonly confirmed: ConfirmedRows;
  private readonly publishing = new Set<Promise<void>>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;
  private stopped = false;
  /** Direct publishes that failed since the last warning (one warning per sweep interval, not per commit). */
  private failures = { count: 0, warnedAt: 0 };

  constructor(private readonly options: OutboxOptions) {
    this.table = new OutboxTable(options.table);
    this.confirmed = new ConfirmedRows(
      (ids) => this.table.delete(options.knex, ids),
      options.deleteIntervalMs ?? 200,
      (error) => options.logger.warn({ err: error.message, table: options.table }, 'outbox delete failed; it runs again'),
    );
  }

  /** Where a transaction's work records its events; `close` ends recording and answers them. */
  private recorder(): { record: RecordEvents; close(): EventEnvelope[] } {
    const recorded: EventEnvelope[] = [];
    let open = true;
    return {
      record: (events) => {
        if (!open) throw new Error(`Outbox ${this.options.table}: events recorded after their transaction's work ended`);
        for (const event of events) recorded.push(event);
      },
      close: () => ((open = false), recorded),
    };
  }

  async transaction<T>(work: (trx: Knex.Transaction, record: RecordEvents) => Promise<T>): Promise<T> {
    const events = this.recorder();
    let entries: OutboxEntry[] = [];
    const result = await this.options.knex.transaction(async (trx) => {
      const value = await work(trx, events.record);
      entries = await this.table.insert(trx, events.close());
      return value;
    });
    this.committed(entries);
    return result;
  }

  async pipelined<T>(work: (trx: PipelinedTransaction, record: RecordEvents) => Promise<T | CommitWith<T>>): Promise<T> {
    let inserted: Promise<OutboxEntry[]> = Promise.resolve([]);
    const result = await pipelinedTransaction(this.options.knex, async (trx) => {
      const events = this.recorder();
      const value = await work(trx, events.record);
      const recorded = events.close();
      if (recorded.length > 0) {
        const { statement, name, entriesOf } = this.insertStatement(recorded);
        // Not awaited here: it leaves with the COMMIT.
        inserted = trx.query<{ id: OutboxRowId; event_id: string }>(statement, name).then(entriesOf);
        inserted.catch(() => undefined);
      }
      return value;
    });
    this.committed(await inserted);
    return result;
  }

  insertStatement(events: EventEnvelope[]) {
    return { statement: this.table.insertQuery(this.options.knex, events), name: this.table.insertName, entriesOf: (rows: Array<{ id: OutboxRowId; event_id: string }>) => this.table.entriesOf(events, rows) };
  }

  committed(rows: OutboxEntry[]): void {
    // After stop() the rows stay for the sweeper of the next start.
    if (rows.length === 0 || this.stopped) return;
    const publishing: Promise<void> = this.options.bus
      .publishMany(rows.map((row) => row.event))
      .then(
        () => this.confirmed.add(rows.map((row) => row.id)),
        (error: Error) => this.publishFailed(error, rows.length),
      )
      .finally(() => this.publishing.delete(publishing));
    this.publishing.add(publishing);
  }

  start(): void {
    registerOutboxBacklog(this.options.table, () => this.pending());
    if (this.sweeper) return;
    this.stopped = false;
    this.sweeper = setInterval(() => void this.sweepInBackground(), this.options.sweepIntervalMs ?? 1000);
    this.sweeper.unref();
    void this.sweepInBackground();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.settlePublishes();
    await this.sweeping?.catch(() => undefined);
    await this.confirmed.stop();
  }

  async flush(): Promise<void> {
    await this.settlePublishes();
    await this.confirmed.flush();
  }

  async sweep(): Promise<number> {
    const { knex, bus, graceMs = 10_000, sweepBatchSize = 500 } = this.options;
    let total = 0;
    for (;;) {
      const { locked, swept } = await knex.transaction(async (trx) => {
        const rows = await this.table.lockLeftovers(trx, graceMs, sweepBatchSize);
        if (rows.length === 0) return { locked: 0, swept: 0 };
        const taken = this.withinEventBudget(rows);
        await bus.publishMany(await this.eventsOf(trx, taken));
        await this.table.delete(trx, taken.map((row) => row.id));
        return { locked: rows.length, swept: taken.length };
      });
      total += swept;
      if (locked < sweepBatchSize && swept === locked) return total;
    }
  }

  /** The oldest of `rows` whose events fit in `sweepMaxEvents`, at least one. */
  private withinEventBudget(rows: LeftoverRow[]): LeftoverRow[] {
    const { references, sweepMaxEvents = 5_000 } = this.options;
    let events = 0;
    let taken = 0;
    for (const row of rows) {
      events += references && this.isReference(row) ? references.countOf(row.payload) : 1;
      if (taken > 0 && events > sweepMaxEvents) break;
      taken++;
    }
    return rows.slice(0, taken);
  }

  /** The events of swept rows, in the rows' order: a reference row's as `references` makes them. */
  private async eventsOf(trx: Knex.Transaction, rows: LeftoverRow[]): Promise<EventEnvelope[]> {
    const { references } = this.options;
    const named = rows.filter((row) => this.isReference(row));
    const made = references && named.length > 0 ? await references.eventsOf(trx, named.map((row) => row.payload)) : [];
    const byRow = new Map(named.map((row, i) => [row, made[i] ?? []]));
    return rows.flatMap((row) => byRow.get(row) ?? [row.payload as EventEnvelope]);
  }

  /** Whether the row names its events (`references`) rather than holding one. */
  private isReference(row: LeftoverRow): boolean {
    return row.type === this.options.references?.type;
  }

  pending(): Promise<number> {
    return this.table.count(this.options.knex);
  }

  private async settlePublishes(): Promise<void> {
    while (this.publishing.size > 0) await Promise.all(this.publishing);
  }

  private sweepInBackground(): Promise<number> {
    this.sweeping ??= this.sweep()
      .then((swept) => {
        if (swept > 0) this.options.logger.info({ table: this.options.table, rows: swept }, 'outbox sweeper published leftover events');
        return swept;
      })
      .catch((error: Error) => {
        this.options.logger.warn({ err: error.message, table: this.options.table }, 'outbox sweep failed; it runs again on its next interval');
        return 0;
      })
      .finally(() => {
        this.sweeping = null;
      });
    return this.sweeping;
  }

  private publishFailed(error: Error, events: number): void {
    this.failures.count += events;
    const now = Date.now();
    if (now - this.failures.warnedAt < (this.options.sweepIntervalMs ?? 1000)) return;
    this.options.logger.warn({ err: error.message, table: this.options.table, events: this.failures.count }, 'outbox publish failed; the sweeper publishes these events later');
    this.failures = { count: 0, warnedAt: now };
  }
}
