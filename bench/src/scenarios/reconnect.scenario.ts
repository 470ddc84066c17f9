import { deviceUrl } from '../fleet/chat-clients';
import { Fleet, fleetSizeFor } from '../fleet/fleet';
import type { SetupResult, StormResult } from '../fleet/protocol';
import { mergeHistograms, summarize, type LatencySummary } from '../measure/latency';
import { systemCpuUs, type ProcessFigures } from '../measure/process-monitor';
import { batchFigures, scrapeBatchTotals, type HopFigures } from '../measure/batch-metrics';
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
  /** Storm start until each socket was connected (the handshakes, before any join); absent in result files written before it was added. */
  connected?: LatencySummary;
  /** Each process during the storm alone; `cpuUsPerMessage` is CPU per client caught up. */
  processes: Record<string, ProcessFigures>;
  /** CPU per client caught up (per join) over every process of the system, shared servers included, the load generator not (µs). */
  cpuUsPerClient?: number;
  /** The gateways' batching hops during the storm (their /metrics). */
  batches?: Record<string, HopFigures>;
}

/** Sockets one gateway process can hold here: its open-files limit (20,000) less room for the rest. */
export const GATEWAY_SOCKETS_MAX = 19_000;

/** The sockets each gateway process holds in the storm: every customer device (spread as `deviceUrl` spreads them) and every agent. */
export function stormSocketsPerGateway(urls: string[], sessions: number, devices: number, sessionsPerAgent = 1): Map<string, number> {
  const held = new Map<string, number>();
  const add = (url: string, n: number) => held.set(url, (held.get(url) ?? 0) + n);
  for (let device = 0; device < devices; device++) add(deviceUrl(urls, device), sessions);
  add(urls[urls.length - 1], Math.ceil(sessions / sessionsPerAgent));
  return held;
}

/** Customers on several devices each; every device drops, misses messages, and all reconnect at once. */
export async function reconnectStorm(context: ScenarioContext): Promise<ReconnectFigures> {
  const { profile, target } = context;
  const perGateway = Math.max(...stormSocketsPerGateway(target.urls, profile.stormSessions, profile.stormDevices, profile.stormSessionsPerAgent).values());
  if (perGateway > GATEWAY_SOCKETS_MAX) {
    throw new Error(`a gateway process would hold ${perGateway} sockets, more than its open-files limit allows here (${GATEWAY_SOCKETS_MAX}): run a storm this big on the stack`);
  }
  const fleet = Fleet.start(fleetSizeFor(profile.stormSessions * profile.stormDevices + Math.ceil(profile.stormSessions / profile.stormSessionsPerAgent), profile.fleet));
  try {
    context.step(`${target.name}: reconnect storm, opening ${profile.stormSessions} sessions × ${profile.stormDevices} devices, an agent for ${profile.stormSessionsPerAgent}`);
    await fleet.all<SetupResult>({ cmd: 'setup', urls: target.urls, sessions: Math.ceil(profile.stormSessions / fleet.size), customerSockets: profile.stormDevices, observerEvery: 0, sessionsPerAgent: profile.stormSessionsPerAgent });
    context.step(`${target.name}: reconnect storm, ${profile.stormMissed} messages to each session while its customer is away`);
    await fleet.all({ cmd: 'storm-away', missed: profile.stormMissed });
    context.step(`${target.name}: reconnect storm, ${profile.stormSessions * profile.stormDevices} clients`);
    const batchesBefore = await scrapeBatchTotals(target.urls);
    const before = context.monitor.sample();
    const since = context.monitor.lastSampleAt;
    // A client not caught up within this is counted as failed; a bigger storm gets longer.
    const timeoutMs = 120_000 + profile.stormSessions * profile.stormDevices * 10;
    const results = await fleet.all<StormResult>({ cmd: 'storm', timeoutMs });
    const caughtUp = results.reduce((n, r) => n + r.caughtUp, 0);
    const processes = context.monitor.figures(before, since, caughtUp);
    const batches = batchFigures(batchesBefore, await scrapeBatchTotals(target.urls));
    return {
      clients: results.reduce((n, r) => n + r.clients, 0),
      caughtUp,
      missedPerSession: profile.stormMissed,
      errors: results.reduce((n, r) => n + r.errors, 0),
      errorSamples: [...new Set(results.flatMap((r) => r.errorSamples))].slice(0, 5),
      allCaughtUpMs: Math.round(Math.max(...results.map((r) => r.allCaughtUpMs))),
      catchUp: summarize(mergeHistograms(results.map((r) => r.catchUp))),
      connected: summarize(mergeHistograms(results.map((r) => r.connected))),
      processes,
      cpuUsPerClient: systemCpuUs(processes),
      ...(batches ? { batches } : {}),
    };
  } finally {
    await fleet.stop();
  }
}
