import { Fleet } from '../fleet/fleet';
import type { SetupResult, StormResult } from '../fleet/protocol';
import { mergeHistograms, summarize, type LatencySummary } from '../measure/latency';
import type { ProcessFigures } from '../measure/process-monitor';
import type { ScenarioContext } from './context';

export interface ReconnectFigures {
  clients: number;
  caughtUp: number;
  missedPerSession: number;
  errors: number;
  errorSamples: string[];
  /** Storm start until the last client held everything it missed. */
  allCaughtUpMs: number;
  catchUp: LatencySummary;
  /** Each process during the storm alone; `cpuUsPerMessage` is CPU per client caught up. */
  processes: Record<string, ProcessFigures>;
}

/** Customers on several devices each; every device drops, misses messages, and all reconnect at once. */
export async function reconnectStorm(context: ScenarioContext): Promise<ReconnectFigures> {
  const { profile, target } = context;
  const fleet = Fleet.start(profile.fleet);
  try {
    context.step(`${target.name}: reconnect storm, opening ${profile.stormSessions} sessions × ${profile.stormDevices} devices`);
    await fleet.all<SetupResult>({ cmd: 'setup', urls: target.urls, sessions: Math.ceil(profile.stormSessions / fleet.size), customerSockets: profile.stormDevices, observerEvery: 0 });
    context.step(`${target.name}: reconnect storm, ${profile.stormMissed} messages to each session while its customer is away`);
    await fleet.all({ cmd: 'storm-away', missed: profile.stormMissed });
    context.step(`${target.name}: reconnect storm, ${profile.stormSessions * profile.stormDevices} clients`);
    const before = context.monitor.sample();
    const since = context.monitor.lastSampleAt;
    const results = await fleet.all<StormResult>({ cmd: 'storm', timeoutMs: 120_000 });
    const caughtUp = results.reduce((n, r) => n + r.caughtUp, 0);
    return {
      clients: results.reduce((n, r) => n + r.clients, 0),
      caughtUp,
      missedPerSession: profile.stormMissed,
      errors: results.reduce((n, r) => n + r.errors, 0),
      errorSamples: [...new Set(results.flatMap((r) => r.errorSamples))].slice(0, 5),
      allCaughtUpMs: Math.round(Math.max(...results.map((r) => r.allCaughtUpMs))),
      catchUp: summarize(mergeHistograms(results.map((r) => r.catchUp))),
      processes: context.monitor.figures(before, since, caughtUp),
    };
  } finally {
    await fleet.stop();
  }
}
