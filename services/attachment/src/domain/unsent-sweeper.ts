/**
 * Runs the cleanup of unsent uploads on an interval, one pass at a time, batch after batch while
 * a pass finds a full batch. Failures are reported and the next tick tries again.
 */
export function startSweeper(sweep: (batch: number) => Promise<number>, intervalMs: number, report: (error: unknown) => void, batch = 100) {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        while ((await sweep(batch)) === batch);
      } catch (error) {
        report(error);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
