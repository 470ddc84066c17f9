import { metrics } from '@parley/metrics';

/** One item's own answer in a batch: its value, or the error that concerns it alone. */
export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export const succeeded = <O>(value: O): Outcome<O> => ({ ok: true, value });
export const failed = <O = never>(error: unknown): Outcome<O> => ({ ok: false, error });

export interface NaturalBatcherOptions<I, O> {
  /**
   * Runs one batch and answers one outcome per item, in the items' order. A throw fails every
   * item of the batch with that error (the hop itself failed: a connection, a statement).
   */
  run(items: I[]): Promise<Outcome<O>[]>;
  /** The largest batch; more waits for the next one. */
  maxBatchSize?: number;
  /**
   * Batches running at once. 1 keeps the order of items across batches (a batch starts only after
   * the previous one answered), which per-session and per-socket order rely on.
   */
  maxInFlight?: number;
  /** Names the hop in the metrics (`parley_batch_items`, `parley_batch_duration_seconds`). */
  hop?: string;
  /**
   * Write-behind hops only, never one somebody waits on: a batch starts at least this long after
   * the previous one started (a full batch, `maxBatchSize` items, at once), so a trickle of items
   * costs one batch per interval instead of one each. 0 (the default): no pause.
   */
  minIntervalMs?: number;
}

interface Pending<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/**
 * Natural batching (group commit; Nagle without its delay): while a batch is in flight, whatever
 * arrives forms the next one, which starts the moment the previous answers. No timer: an item that
 * finds the hop idle leaves at the end of the current turn of the event loop (`setImmediate`), with
 * whatever else arrived in that turn, so at low load a batch is one item and waits for nothing;
 * under load batches grow and the cost of a hop is shared by many items. A write-behind hop that
 * nobody waits on may instead pause between batches (`minIntervalMs`). See docs/architecture.md
 * ("Batches, not messages") for why this is ours and not a library's.
 */
export class NaturalBatcher<I, O> {
  private readonly waiting: Pending<I, O>[] = [];
  private running = 0;
  private scheduled = false;
  private paused: NodeJS.Timeout | undefined;
  private lastStartedAt = Number.NEGATIVE_INFINITY;
  private readonly maxBatchSize: number;
  private readonly maxInFlight: number;
  private readonly minIntervalMs: number;

  private readonly sizes?: { observe(items: number): void };
  private readonly timer?: () => () => void;

  constructor(private readonly options: NaturalBatcherOptions<I, O>) {
    this.maxBatchSize = options.maxBatchSize ?? 256;
    this.maxInFlight = options.maxInFlight ?? 1;
    this.minIntervalMs = options.minIntervalMs ?? 0;
    if (options.hop) {
      this.sizes = metrics.batchItems.labels({ hop: options.hop });
      const duration = metrics.batchDuration.labels({ hop: options.hop });
      this.timer = () => duration.startTimer();
    }
  }

  /** Adds an item to the next batch; resolves with its own outcome. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting for a batch. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Batches running now. */
  get inFlight(): number {
    return this.running;
  }

  private schedule(): void {
    if (this.running >= this.maxInFlight || this.waiting.length === 0) return;
    const pause = this.pauseMs();
    if (pause > 0) {
      if (!this.paused && !this.scheduled) {
        this.paused = setTimeout(() => {
          this.paused = undefined;
          this.dispatch();
        }, pause);
        this.paused.unref();
      }
      return;
    }
    if (this.scheduled) return;
    clearTimeout(this.paused);
    this.paused = undefined;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  /** How long the next batch still waits for `minIntervalMs` (0 when it may start, or a full batch waits). */
  private pauseMs(): number {
    if (this.minIntervalMs === 0 || this.waiting.length >= this.maxBatchSize) return 0;
    return Math.max(0, this.lastStartedAt + this.minIntervalMs - Date.now());
  }

  private dispatch(): void {
    while (this.running < this.maxInFlight && this.waiting.length > 0) {
      if (this.pauseMs() > 0) return this.schedule();
      this.lastStartedAt = Date.now();
      const batch = this.waiting.splice(0, this.maxBatchSize);
      this.running += 1;
      void this.runBatch(batch).finally(() => {
        this.running -= 1;
        // What arrived meanwhile is the next batch, at once (after the pause of a write-behind hop).
        this.dispatch();
      });
    }
  }

  private async runBatch(batch: Pending<I, O>[]): Promise<void> {
    let outcomes: Outcome<O>[];
    const stopTimer = this.timer?.();
    this.sizes?.observe(batch.length);
    try {
      outcomes = await this.options.run(batch.map((p) => p.item));
      stopTimer?.();
      if (outcomes.length !== batch.length) throw new Error(`A batch of ${batch.length} was answered with ${outcomes.length} outcomes`);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? batch[i].resolve(outcome.value) : batch[i].reject(outcome.error)));
  }
}

/** Runs `work` for every item at once and answers each item's outcome (a failure, thrown or rejected, stays its own). */
export async function settleEach<I, O>(items: I[], work: (item: I) => Promise<O>): Promise<Outcome<O>[]> {
  const settled = await Promise.allSettled(items.map(async (item) => work(item)));
  return settled.map((s) => (s.status === 'fulfilled' ? succeeded(s.value) : failed<O>(s.reason)));
}
