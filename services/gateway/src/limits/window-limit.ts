export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** One kind of limit: `take` spends a point for a key if it is still allowed, and says so, at once. */
export interface Limit {
  take(key: string): Verdict;
}

/** Points spent on this gateway for one key in one window and not yet known to the shared store. */
export interface Spent {
  key: string;
  window: number;
  count: number;
}

/** What one key has spent, as this gateway knows it. */
interface Counts {
  /** The fixed window these counts are for: floor(time / window length). */
  window: number;
  /** The window's total over every gateway, as the shared store last told it (this gateway's confirmed points included). */
  shared: number;
  /** Spent here and not yet confirmed by the store (waiting to be sent, or sent and unanswered). */
  own: number;
  /** The previous window's total. */
  previous: number;
}

export interface WindowLimitOptions {
  /** Names the limit in the shared store. */
  name: string;
  points: number;
  windowMs: number;
  clock?: () => number;
  /** Told after each point spent, so that a shared store can be sent the news in the background. */
  onSpend?: () => void;
}

/**
 * A limit of `points` per `windowMs` per key, decided synchronously from this gateway's memory: a
 * sliding window estimated from two fixed ones (the previous window's total weighted by the part
 * of it still within the last `windowMs`, plus the current window's). The counts of other gateways
 * come in through `heard` and `confirm` (see shared-counts.ts); this gateway's own points count at
 * once. A refused take changes nothing. Keys idle for two windows are forgotten.
 */
export class WindowLimit implements Limit {
  readonly name: string;
  readonly windowMs: number;
  private readonly points: number;
  private readonly clock: () => number;
  private readonly onSpend?: () => void;
  private readonly counts = new Map<string, Counts>();
  private unsent = new Map<string, Spent>();
  private sweptWindow = 0;

  constructor(options: WindowLimitOptions) {
    this.name = options.name;
    this.points = options.points;
    this.windowMs = options.windowMs;
    this.clock = options.clock ?? Date.now;
    this.onSpend = options.onSpend;
  }

  take(key: string): Verdict {
    const now = this.clock();
    const counts = this.countsOf(key, now);
    const elapsed = (now - counts.window * this.windowMs) / this.windowMs;
    if (counts.previous * (1 - elapsed) + counts.shared + counts.own + 1 > this.points) return { allowed: false, retryAfterMs: this.waitMs(counts, elapsed) };
    counts.own += 1;
    const id = `${counts.window}:${key}`;
    const spent = this.unsent.get(id);
    if (spent) spent.count += 1;
    else this.unsent.set(id, { key, window: counts.window, count: 1 });
    this.onSpend?.();
    return { allowed: true };
  }

  /** Hands over the points spent since the last call, to be sent to the shared store. */
  drain(): Spent[] {
    const spent = [...this.unsent.values()];
    this.unsent = new Map();
    return spent;
  }

  /** Whether points wait to be sent. */
  hasUnsent(): boolean {
    return this.unsent.size > 0;
  }

  /** The store counted `spent`: its window's total is now `total`, the window before it `previousTotal`. */
  confirm(spent: Spent, total: number, previousTotal: number): void {
    const counts = this.counts.get(spent.key);
    if (!counts) return;
    if (counts.window === spent.window) {
      counts.own = Math.max(0, counts.own - spent.count);
      counts.shared = Math.max(counts.shared, total);
      counts.previous = Math.max(counts.previous, previousTotal);
    } else if (counts.window === spent.window + 1) {
      // The window ended while the store was being told; its points moved into `previous` then.
      counts.previous = Math.max(counts.previous, total);
    }
  }

  /** The store could not be told: keep the points to send them again (they still count here). */
  restore(spent: Spent): void {
    if (spent.window < Math.floor(this.clock() / this.windowMs) - 1) return;
    const id = `${spent.window}:${spent.key}`;
    const waiting = this.unsent.get(id);
    if (waiting) waiting.count += spent.count;
    else this.unsent.set(id, { ...spent });
  }

  /** Another gateway told the store its points: the key's total in `window` is now `total`. */
  heard(key: string, window: number, total: number): void {
    if (!this.counts.has(key)) return;
    const counts = this.countsOf(key, this.clock());
    if (counts.window === window) counts.shared = Math.max(counts.shared, total);
    else if (counts.window === window + 1) counts.previous = Math.max(counts.previous, total);
  }

  /** The key's counts for the window `now` is in, rolled over (and idle keys forgotten) as windows pass. */
  private countsOf(key: string, now: number): Counts {
    const window = Math.floor(now / this.windowMs);
    if (window > this.sweptWindow) this.sweep(window);
    const counts = this.counts.get(key);
    if (!counts) {
      const fresh = { window, shared: 0, own: 0, previous: 0 };
      this.counts.set(key, fresh);
      return fresh;
    }
    if (counts.window < window) {
      counts.previous = counts.window === window - 1 ? counts.shared + counts.own : 0;
      counts.shared = 0;
      counts.own = 0;
      counts.window = window;
    }
    return counts;
  }

  private sweep(window: number): void {
    this.sweptWindow = window;
    for (const [key, counts] of this.counts) if (counts.window < window - 1) this.counts.delete(key);
  }

  /** How long until one more point fits, if nobody else spends meanwhile. */
  private waitMs(counts: Counts, elapsed: number): number {
    const current = counts.shared + counts.own;
    const room = this.points - 1 - current;
    // Room in this window once enough of the previous one has slid out; otherwise wait for the next
    // window and until enough of this one has slid out.
    const next = current > 0 ? Math.max(0, 1 - (this.points - 1) / current) : 0;
    const until = room >= 0 && counts.previous > 0 ? 1 - room / counts.previous : 1 + next;
    return Math.max(1, Math.ceil((until - elapsed) * this.windowMs));
  }
}
