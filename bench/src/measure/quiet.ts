import { systemCores, type ProcessMonitor } from './process-monitor';

export interface QuietOptions {
  /** The system under test counts as quiet below this share of a core, all its processes together. */
  maxCores: number;
  /** Gives up (and says how long it waited) after this long. */
  timeoutMs: number;
  /** One reading's window. */
  windowMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface QuietResult {
  quiet: boolean;
  waitedMs: number;
  /** The system's share of a core over the last window. */
  cores: number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the work a load left behind has drained: the system under test (the load generator
 * not) busy less than `maxCores` over one window. A measured load that starts on a backlog (the
 * fan-out of opening hundreds of sessions to every agent) measures the backlog, not the load.
 */
export async function waitUntilQuiet(monitor: Pick<ProcessMonitor, 'sample' | 'lastSampleAt' | 'figures'>, options: QuietOptions): Promise<QuietResult> {
  const { maxCores, timeoutMs, windowMs = 1000, sleep = pause } = options;
  let waitedMs = 0;
  for (;;) {
    const before = monitor.sample();
    const since = monitor.lastSampleAt;
    await sleep(windowMs);
    waitedMs += windowMs;
    const cores = systemCores(monitor.figures(before, since, 0));
    if (cores < maxCores) return { quiet: true, waitedMs, cores };
    if (waitedMs >= timeoutMs) return { quiet: false, waitedMs, cores };
  }
}
