import type { OutboxRowId } from './outbox-table';

/**
 * The ids of outbox rows whose events the broker confirmed, deleted in bulk: whatever gathered
 * goes in one delete, at most one runs at a time, and two start at least `intervalMs` apart. The
 * delete is bookkeeping off the latency path; the pause keeps it to a few commits a second under
 * load. A row whose delete failed (or had not run at a crash) is published again by a sweeper
 * (at least once).
 */
export class ConfirmedRows {
  private ids: OutboxRowId[] = [];
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastStart = 0;
  /** After a failed delete (the database away) the next waits at least a second. */
  private failed = false;
  private stopped = false;

  constructor(
    private readonly remove: (ids: OutboxRowId[]) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void,
  ) {}

  add(ids: OutboxRowId[]): void {
    for (const id of ids) this.ids.push(id);
    this.schedule();
  }

  /** Deletes what has gathered now (tests, shutdown), after the delete that runs. */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.running) await this.running;
    this.cancelTimer();
    if (this.ids.length > 0) await this.run();
  }

  /** Deletes what has gathered, then schedules nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flush();
    this.cancelTimer();
  }

  private schedule(): void {
    if (this.stopped || this.running || this.timer || this.ids.length === 0) return;
    const wait = Math.max(0, this.lastStart + (this.failed ? Math.max(this.intervalMs, 1000) : this.intervalMs) - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, wait);
  }

  private run(): Promise<void> {
    const ids = this.ids;
    this.ids = [];
    this.lastStart = Date.now();
    const running = this.remove(ids)
      .then(
        () => void (this.failed = false),
        (error: Error) => {
          this.failed = true;
          this.ids = ids.concat(this.ids);
          this.onError(error);
        },
      )
      .finally(() => {
        this.running = null;
        this.schedule();
      });
    this.running = running;
    return running;
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
