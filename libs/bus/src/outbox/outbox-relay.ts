import type { Knex } from 'knex';
import type { Logger } from '@parley/logger';
import { registerOutboxBacklog } from '@parley/metrics';
import type { EventBus } from '../event-bus';
import { OutboxRepository } from './outbox.repository';

export interface OutboxRelayOptions {
  knex: Knex;
  table: string;
  bus: EventBus;
  logger: Logger;
  /** How often the sweeper looks for rows not yet confirmed (after a failed publish or a crash). */
  sweepIntervalMs?: number;
  batchSize?: number;
  /** Published rows are kept this long, then deleted. */
  retentionMs?: number;
}

/**
 * Publishes what a service wrote to its outbox. `notify()` right after a commit publishes at once;
 * a sweeper retries on an interval. A row is marked published only after the broker confirmed it,
 * in the same transaction that locked it, so a broker outage delays events and never loses one.
 * Delivery is at least once: a crash between confirm and commit publishes the event again.
 */
export class OutboxRelay {
  private readonly repository: OutboxRepository;
  /** The one drain running (from notify() or flush()); resolves false if a publish failed. */
  private draining: Promise<boolean> | null = null;
  private again = false;
  private sweeper: NodeJS.Timeout | null = null;
  private cleaning: Promise<void> | null = null;
  private lastCleanup = 0;
  private stopped = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.repository = new OutboxRepository(options.table);
  }

  start(): void {
    registerOutboxBacklog(this.options.table, () => this.pending());
    if (this.sweeper) return;
    this.stopped = false;
    this.sweeper = setInterval(() => {
      this.notify();
      this.cleaning ??= this.cleanup().finally(() => {
        this.cleaning = null;
      });
    }, this.options.sweepIntervalMs ?? 1000);
    this.sweeper.unref();
    this.notify();
  }

  /** Asks for a drain; calls while one runs coalesce into one more pass. */
  notify(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  /** Publishes everything pending now (used by shutdown and tests); rejects if a publish failed. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
    if (!(await this.drain())) throw new Error(`Outbox ${this.options.table}: a publish failed; the rows stay pending`);
  }

  /** Stops the sweeper and notify(), publishes what is pending, and resolves once no drain runs. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.flush().catch(() => undefined);
    await this.cleaning;
  }

  pending(): Promise<number> {
    return this.repository.countPending(this.options.knex);
  }

  /** Runs a drain as the current one, so notify() calls meanwhile coalesce into it. */
  private drain(): Promise<boolean> {
    const run = (async () => {
      let ok = false;
      try {
        ok = await this.drainLoop();
      } finally {
        this.draining = null;
        // A notify() after the last pass looked would otherwise wait for the sweeper.
        if (ok && this.again) this.notify();
      }
      return ok;
    })();
    this.draining = run;
    return run;
  }

  private async drainLoop(): Promise<boolean> {
    do {
      this.again = false;
      let full = true;
      while (full) {
        try {
          full = await this.publishBatch();
        } catch (error) {
          this.options.logger.warn({ err: (error as Error).message, table: this.options.table }, 'outbox publish failed; the sweeper retries');
          return false;
        }
      }
    } while (this.again);
    return true;
  }

  /** One batch in one transaction; answers whether the batch was full (more may wait). */
  private async publishBatch(): Promise<boolean> {
    const batchSize = this.options.batchSize ?? 200;
    return this.options.knex.transaction(async (trx) => {
      const rows = await this.repository.lockPending(trx, batchSize);
      if (rows.length === 0) return false;
      await Promise.all(rows.map((row) => this.options.bus.publish(row.payload)));
      await this.repository.markPublished(
        trx,
        rows.map((row) => row.id),
      );
      return rows.length === batchSize;
    });
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await this.repository.deletePublished(this.options.knex, this.options.retentionMs ?? 3_600_000).catch((error: Error) => {
      this.options.logger.warn({ err: error.message }, 'outbox cleanup failed');
    });
  }
}
