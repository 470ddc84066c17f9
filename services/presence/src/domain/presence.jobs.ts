import type { PresenceService } from './presence.service';
import type { TypingService } from './typing.service';

export interface PresenceJobsOptions {
  reapIntervalMs: number;
  sweepIntervalMs: number;
  onError(job: 'reap' | 'sweep', error: unknown): void;
  onDone(job: 'reap' | 'sweep', count: number): void;
}

/** The reaper (expired gateway leases) and the typing sweeper, each on its interval, never overlapping itself. */
export function startPresenceJobs(presence: PresenceService, typing: TypingService, options: PresenceJobsOptions): { stop(): Promise<void> } {
  const running = new Map<string, Promise<void>>();
  const every = (job: 'reap' | 'sweep', intervalMs: number, run: () => Promise<number>) => {
    const timer = setInterval(() => {
      if (running.has(job)) return;
      const pass = run().then(
        (count) => options.onDone(job, count),
        (error: unknown) => options.onError(job, error),
      );
      running.set(job, pass.finally(() => running.delete(job)));
    }, intervalMs);
    timer.unref();
    return timer;
  };
  const timers = [every('reap', options.reapIntervalMs, () => presence.reapExpired()), every('sweep', options.sweepIntervalMs, () => typing.sweepExpired())];
  return {
    async stop() {
      timers.forEach((t) => clearInterval(t));
      await Promise.all(running.values());
    },
  };
}
