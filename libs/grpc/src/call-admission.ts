import { failed, type Outcome } from '@parley/batching';
import { AppError } from '@parley/errors';

/**
 * Load shedding at a service's door: at most `maxInFlight` calls of a kind run at once; one more
 * is refused at once with RESOURCE_EXHAUSTED (the client retries later) instead of joining a queue
 * for the connection pool that would answer it seconds late or past its deadline, and keep the
 * database busy after the load has gone. A counter, not a queueing limiter: the point is to refuse,
 * not to wait. (A burst of calls cancelled at their deadline also trips Node's HTTP/2 rapid-reset
 * protection, which closes the connection under every call on it: see docs/performance.md.)
 */
export class CallAdmission {
  private inFlight = 0;

  constructor(
    private readonly maxInFlight: number,
    private readonly busyMessage = 'The service is busy; try again shortly',
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.maxInFlight) throw this.refusal();
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
    }
  }

  /**
   * A batch's items, each admitted as one call would be: the first ones while there is room run
   * together in `work` (one outcome each, in order) and hold their places until it ends; the
   * others are refused with RESOURCE_EXHAUSTED, without running.
   */
  async runEach<I, O>(items: I[], work: (admitted: I[]) => Promise<Outcome<O>[]>): Promise<Outcome<O>[]> {
    const room = Math.max(0, Math.min(items.length, this.maxInFlight - this.inFlight));
    this.inFlight += room;
    try {
      const answers = room > 0 ? await work(items.slice(0, room)) : [];
      return items.map((_, i) => (i < room ? answers[i] : failed<O>(this.refusal())));
    } finally {
      this.inFlight -= room;
    }
  }

  get running(): number {
    return this.inFlight;
  }

  private refusal(): AppError {
    return new AppError('RESOURCE_EXHAUSTED', this.busyMessage);
  }
}

/** No bound: every call runs. */
export const unbounded = (): CallAdmission => new CallAdmission(Number.MAX_SAFE_INTEGER);
