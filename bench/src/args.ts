import { parseArgs } from 'node:util';

export const SCENARIOS = ['join', 'low', 'steady', 'burst', 'max', 'reconnect', 'idle', 'history', 'soak'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export const MODES = ['all-in-one', 'stack'] as const;
export type Mode = (typeof MODES)[number];

/** How big each scenario is; `--quick` shrinks everything so a run takes under a minute. */
export interface Profile {
  sessions: number;
  /** Sequential join_session calls of the single client (`join`). */
  joins: number;
  /** The low-load scenario: its rate (msg/s) and how long it holds it. */
  lowRate: number;
  lowSeconds: number;
  /** Messages per second of the steady scenario (both parties together, all sessions). */
  rate: number;
  steadySeconds: number;
  burstRate: number;
  burstSeconds: number;
  /** The rates the max-throughput search climbs through, and how long it holds each. */
  maxRates: number[];
  maxStepSeconds: number;
  stormSessions: number;
  stormDevices: number;
  stormMissed: number;
  /** Sessions each agent of the storm's set-up accepts (1: an agent per session). */
  stormSessionsPerAgent: number;
  idlePerGateway: number;
  historyMessages: number;
  soakSeconds: number;
  soakRate: number;
  soakSampleSeconds: number;
  fleet: number;
}

export interface BenchArgs {
  modes: Mode[];
  scenarios: ScenarioName[];
  quick: boolean;
  out: string;
  profile: Profile;
}

const FULL: Profile = {
  sessions: 600,
  joins: 1000,
  lowRate: 100,
  lowSeconds: 10,
  rate: 2000,
  steadySeconds: 20,
  burstRate: 6000,
  burstSeconds: 3,
  maxRates: [50, 100, 250, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 8000, 10000, 12000, 16000],
  maxStepSeconds: 5,
  stormSessions: 1000,
  stormDevices: 5,
  stormMissed: 5,
  stormSessionsPerAgent: 1,
  idlePerGateway: 19_000,
  historyMessages: 100_000,
  soakSeconds: 300,
  soakRate: 100,
  soakSampleSeconds: 10,
  fleet: 2,
};

const QUICK: Profile = {
  ...FULL,
  sessions: 20,
  joins: 100,
  lowSeconds: 3,
  rate: 100,
  steadySeconds: 3,
  burstRate: 300,
  burstSeconds: 2,
  maxRates: [50, 100, 200],
  maxStepSeconds: 2,
  stormSessions: 30,
  stormDevices: 3,
  stormMissed: 3,
  idlePerGateway: 300,
  historyMessages: 5_000,
  soakSeconds: 30,
  soakRate: 50,
  soakSampleSeconds: 3,
};

function list<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`unknown ${what} "${item}" (one of: ${allowed.join(', ')})`);
  return items as T[];
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      mode: { type: 'string' },
      scenario: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      sessions: { type: 'string' },
      fleet: { type: 'string' },
      idle: { type: 'string' },
      'storm-clients': { type: 'string' },
      'storm-sessions-per-agent': { type: 'string' },
      out: { type: 'string', default: 'bench/results/latest.json' },
    },
  });
  const quick = values.quick ?? false;
  const profile: Profile = { ...(quick ? QUICK : FULL) };
  const scenarios = values.scenario ? list(values.scenario, SCENARIOS, 'scenario') : SCENARIOS.filter((s) => s !== 'soak');
  const rate = positive(values.rate, 'rate');
  if (rate) profile.rate = rate;
  const duration = positive(values.duration, 'duration');
  if (duration) {
    profile.steadySeconds = duration;
    profile.soakSeconds = duration;
  }
  const sessions = positive(values.sessions, 'sessions');
  if (sessions) profile.sessions = Math.round(sessions);
  const idle = positive(values.idle, 'idle');
  if (idle) profile.idlePerGateway = Math.round(idle);
  const stormClients = positive(values['storm-clients'], 'storm-clients');
  if (stormClients) profile.stormSessions = Math.ceil(stormClients / profile.stormDevices);
  const perAgent = positive(values['storm-sessions-per-agent'], 'storm-sessions-per-agent');
  if (perAgent) profile.stormSessionsPerAgent = Math.round(perAgent);
  const fleet = positive(values.fleet, 'fleet');
  if (fleet) profile.fleet = Math.round(fleet);
  // --quick runs on the all-in-one process only (the stack alone takes half a minute to start).
  const modes = values.mode ?? (quick ? 'all-in-one' : 'stack,all-in-one');
  return { modes: list(modes, MODES, 'mode'), scenarios, quick, out: values.out ?? 'bench/results/latest.json', profile };
}
