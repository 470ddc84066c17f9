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
    if (this.inFlight >= this.maxInFlight) throw new AppError('RESOURCE_EXHAUSTED', this.busyMessage);
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
    }
  }

  get running(): number {
    return this.inFlight;
  }
}

/** No bound: every call runs. */
export const unbounded = (): CallAdmission => new CallAdmission(Number.MAX_SAFE_INTEGER);
