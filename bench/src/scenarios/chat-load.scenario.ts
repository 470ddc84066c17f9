import { Fleet } from '../fleet/fleet';
import type { LoadResult, SetupResult } from '../fleet/protocol';
import { perMessage, readDbCounters } from '../measure/db-stats';
import { waitUntilQuiet } from '../measure/quiet';
import { batchFigures, scrapeBatchTotals } from '../measure/batch-metrics';
import { combineLoad, holds, type ChatFigures } from './chat-figures';
import type { ScenarioContext } from './context';

export interface MaxThroughput {
  /** The highest rate that held (0 when none did). */
  maxRate: number;
  steps: ChatFigures[];
}

/** Below this share of a core, every process under test together, the system is idle between loads. */
const QUIET_CORES = 0.3;

/** Sessions of two or three across the gateways, in a fleet of load processes, for low, steady, burst and max. */
export class ChatLoadRun {
  private constructor(
    private readonly context: ScenarioContext,
    private readonly fleet: Fleet,
    readonly setup: { sessions: number; sockets: number; elapsedMs: number; drainedMs?: number },
  ) {}

  static async open(context: ScenarioContext): Promise<ChatLoadRun> {
    const { profile, target } = context;
    const fleet = Fleet.start(profile.fleet);
    context.step(`${target.name}: opening ${profile.sessions} sessions`);
    try {
      const sessionsEach = Math.ceil(profile.sessions / fleet.size);
      const results = await fleet.all<SetupResult>({ cmd: 'setup', urls: target.urls, sessions: sessionsEach, customerSockets: 1, observerEvery: 3 });
      const setup = { sessions: results.reduce((n, r) => n + r.sessions, 0), sockets: results.reduce((n, r) => n + r.sockets, 0), elapsedMs: Math.max(...results.map((r) => r.elapsedMs)) };
      const run = new ChatLoadRun(context, fleet, setup);
      // Opening sessions fans out to every agent; how long that work takes to drain is reported.
      context.step(`${target.name}: waiting for the work of opening sessions to drain`);
      run.setup.drainedMs = (await run.quiet()).waitedMs;
      // Warm-up (JIT, connection pools, prepared plans); not reported. Gentle: a warm-up that
      // overloads the target would spill its backlog into the first measured step.
      await run.load(Math.min(profile.rate / 4, 100), 3);
      return run;
    } catch (error) {
      await fleet.stop();
      throw error;
    }
  }

  /**
   * `dbCounters` reads PostgreSQL's per-message counters around the load (the steady scenario's;
   * they take a second to settle, so the other loads skip them).
   */
  async load(rate: number, seconds: number, { dbCounters = false } = {}): Promise<ChatFigures> {
    await this.quiet();
    const databaseUrl = dbCounters ? this.context.target.databaseUrl : undefined;
    const dbBefore = databaseUrl ? await readDbCounters(databaseUrl) : undefined;
    const batchesBefore = await scrapeBatchTotals(this.context.target.urls);
    const before = this.context.monitor.sample();
    const since = this.context.monitor.lastSampleAt;
    const results = await this.fleet.all<LoadResult>({ cmd: 'load', rate: rate / this.fleet.size, durationMs: seconds * 1000, drainMs: 10_000 });
    const acked = results.reduce((n, r) => n + r.acked, 0);
    const figures = combineLoad(rate, results, this.context.monitor.figures(before, since, acked));
    const batches = batchFigures(batchesBefore, await scrapeBatchTotals(this.context.target.urls));
    if (batches) figures.batches = batches;
    if (databaseUrl && dbBefore) {
      // PostgreSQL flushes its counters about once a second.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      figures.database = perMessage(dbBefore, await readDbCounters(databaseUrl), acked);
    }
    return figures;
  }

  /** Waits (at most a minute) until the system under test is idle, so no load is measured on the backlog of the one before. */
  private quiet() {
    return waitUntilQuiet(this.context.monitor, { maxCores: QUIET_CORES, timeoutMs: 60_000 });
  }

  /** The low load: what one message costs in latency when nothing queues. */
  async low(): Promise<ChatFigures> {
    const { profile, target } = this.context;
    this.context.step(`${target.name}: low load ${profile.lowRate} msg/s for ${profile.lowSeconds} s`);
    return this.load(profile.lowRate, profile.lowSeconds);
  }

  async steady(): Promise<ChatFigures> {
    const { profile, target } = this.context;
    this.context.step(`${target.name}: steady ${profile.rate} msg/s for ${profile.steadySeconds} s`);
    return this.load(profile.rate, profile.steadySeconds, { dbCounters: true });
  }

  async burst(): Promise<ChatFigures> {
    const { profile, target } = this.context;
    this.context.step(`${target.name}: burst ${profile.burstRate} msg/s for ${profile.burstSeconds} s`);
    return this.load(profile.burstRate, profile.burstSeconds);
  }

  /** Climbs through the profile's rates until one does not hold. */
  async max(): Promise<MaxThroughput> {
    const { profile, target } = this.context;
    const steps: ChatFigures[] = [];
    let maxRate = 0;
    for (const rate of profile.maxRates) {
      this.context.step(`${target.name}: max throughput, ${rate} msg/s`);
      const figures = await this.load(rate, profile.maxStepSeconds);
      steps.push(figures);
      if (!holds(figures)) break;
      maxRate = rate;
    }
    return { maxRate, steps };
  }

  close(): Promise<void> {
    return this.fleet.stop();
  }
}
