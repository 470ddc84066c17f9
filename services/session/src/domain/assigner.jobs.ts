import type { Assigner, PassResult } from './assigner.service';

export interface AssignerJobOptions {
  intervalMs: number;
  onPass(result: PassResult): void;
  onError(error: unknown): void;
}

/**
 * Runs the assigner on an interval, and at once when kicked (a chat queued, an agent became
 * available). Passes never overlap; kicks during a pass make one more pass after it.
 */
export function startAssignerJob(assigner: Assigner, options: AssignerJobOptions) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = assigner
      .runPass()
      .then(
        (result) => {
          if (result) options.onPass(result);
        },
        (error: unknown) => options.onError(error),
      )
      .finally(() => {
        running = null;
        if (again) run();
      });
  }

  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return {
    kick: run,
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
