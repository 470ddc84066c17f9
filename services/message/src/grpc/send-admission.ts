import { AppError } from '@parley/errors';

/**
 * Load shedding at the door of the sends: at most `maxInFlight` of them run at
 * once; one more is refused at once with RESOURCE_EXHAUSTED (the client retries later) instead of
 * joining a queue for the connection pool that would answer it seconds late or time out and keep
 * the database busy after the load has gone. A counter, not a queueing limiter: the point is to
 * refuse, not to wait.
 */
export class SendAdmission {
  private inFlight = 0;

  constructor(private readonly maxInFlight: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.maxInFlight) throw new AppError('RESOURCE_EXHAUSTED', 'The service is busy; try again shortly');
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
