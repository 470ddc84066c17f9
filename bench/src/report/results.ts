import type { ChatFigures } from '../scenarios/chat-figures';
import type { MaxThroughput } from '../scenarios/chat-load.scenario';
import type { HistoryFigures } from '../scenarios/history.scenario';
import type { IdleFigures } from '../scenarios/idle.scenario';
import type { JoinFigures } from '../scenarios/join.scenario';
import type { ReconnectFigures } from '../scenarios/reconnect.scenario';
import type { SoakFigures } from '../scenarios/soak.scenario';

/** Everything one target measured; a scenario that was not run (or failed) is absent or carries its error. */
export interface TargetResults {
  target: string;
  setup?: { sessions: number; sockets: number; elapsedMs: number; drainedMs?: number };
  join?: JoinFigures;
  low?: ChatFigures;
  steady?: ChatFigures;
  burst?: ChatFigures;
  max?: MaxThroughput;
  reconnect?: ReconnectFigures;
  idle?: IdleFigures;
  history?: HistoryFigures;
  soak?: SoakFigures;
  failures: Record<string, string>;
  /** Wall time each scenario took (setup: opening the chat sessions and the warm-up). */
  seconds?: Record<string, number>;
}

/** a / b, two decimals; undefined when either is missing or b is zero. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0) return undefined;
  return Math.round((a / b) * 100) / 100;
}

export interface TargetCheck {
  name: string;
  goal: string;
  measured: string;
  met: boolean | undefined;
}

/** The issues' targets (#16, #17, and the idle sockets), as numbers. */
export const TARGETS = {
  steadyRate: 2000,
  p99Ms: 50,
  /** Max sustained msg/s (p99 < 50 ms, nothing lost, duplicated or refused), per mode. */
  maxRate: { stack: 2000, 'all-in-one': 3000 } as Record<string, number>,
  p50VsRelay: 5,
  lowRate: 100,
  lowP50Ms: 3,
  /** CPU per message over every process of the system, PostgreSQL, RabbitMQ and Redis included. */
  cpuUsPerMessage: 800,
  commitsPerMessage: 0.2,
  stormClients: 5000,
  stormLastMs: 10_000,
  stormMedianMs: 5000,
  cpuUsPerJoin: 2000,
  bigStormClients: 20_000,
  joinP50Ms: 5,
  idleKb: 30,
};

const fmt = (n: number | undefined, unit = '') => (n === undefined ? 'n/a' : `${n}${unit}`);
/** µs as ms. */
const msOf = (us: number | undefined) => (us === undefined ? undefined : us / 1000);
const judged = <T>(figures: T | undefined, met: (f: T) => boolean): boolean | undefined => (figures === undefined ? undefined : met(figures));
const clean = (f: ChatFigures) => f.lost === 0 && f.duplicated === 0 && f.errors === 0;

/** The targets, judged from one mode's results against the relay's in the same run; a figure not measured is "not run". */
export function checkTargets(parley: TargetResults, relay: TargetResults | undefined, idleGoal: number): TargetCheck[] {
  const { steady, low, join, reconnect: storm } = parley;
  const maxGoal = TARGETS.maxRate[parley.target];
  const p50Ratio = ratio(steady?.e2e.p50, relay?.steady?.e2e.p50);
  const gatewayKb = parley.idle ? Math.max(...Object.entries(parley.idle.kbPerConnection).filter(([n]) => /gateway|all-in-one/.test(n)).map(([, kb]) => kb)) : undefined;
  const storm5k = storm && storm.clients === TARGETS.stormClients ? storm : undefined;
  const bigStorm = storm && storm.clients >= TARGETS.bigStormClients ? storm : undefined;
  const allCaughtUp = (s: { clients: number; caughtUp: number }) => s.caughtUp === s.clients;
  return [
    {
      name: 'steady load',
      goal: `${TARGETS.steadyRate} msg/s, p99 < ${TARGETS.p99Ms} ms, 0 lost, 0 duplicated, 0 refused`,
      measured: steady ? `${steady.sentPerSec} msg/s, p99 ${steady.e2e.p99} ms, ${steady.lost} lost, ${steady.duplicated} dup, ${steady.errors} errors` : 'n/a',
      met: judged(steady, (s) => s.rate >= TARGETS.steadyRate && s.sentPerSec >= s.rate * 0.95 && s.e2e.p99 < TARGETS.p99Ms && clean(s)),
    },
    {
      name: 'max sustained',
      goal: maxGoal === undefined ? 'n/a' : `≥ ${maxGoal} msg/s (p99 < ${TARGETS.p99Ms} ms, none lost, duplicated or refused)`,
      measured: `${fmt(parley.max?.maxRate)} msg/s (relay ${fmt(relay?.max?.maxRate)})`,
      met: maxGoal === undefined ? undefined : judged(parley.max, (m) => m.maxRate >= maxGoal),
    },
    {
      name: `p50 at ${TARGETS.steadyRate} msg/s vs relay`,
      goal: `≤ ${TARGETS.p50VsRelay} × relay`,
      measured: `${fmt(steady?.e2e.p50)} vs ${fmt(relay?.steady?.e2e.p50)} ms = ${fmt(p50Ratio, '×')}`,
      met: p50Ratio === undefined || (steady?.rate ?? 0) < TARGETS.steadyRate ? undefined : p50Ratio <= TARGETS.p50VsRelay,
    },
    {
      name: `p50 at ${TARGETS.lowRate} msg/s (low load)`,
      goal: `< ${TARGETS.lowP50Ms} ms end to end`,
      measured: low ? `${low.e2e.p50} ms at ${low.sentPerSec} msg/s (relay ${fmt(relay?.low?.e2e.p50, ' ms')})` : 'n/a',
      met: judged(low, (l) => l.rate === TARGETS.lowRate && l.e2e.p50 < TARGETS.lowP50Ms && clean(l)),
    },
    {
      name: 'CPU per message, every process',
      goal: `≤ ${TARGETS.cpuUsPerMessage / 1000} ms (PostgreSQL, RabbitMQ, Redis included) at the steady rate`,
      measured: steady ? `${fmt(msOf(steady.cpuUsPerMessage), ' ms')} at ${steady.sentPerSec} msg/s` : 'n/a',
      met: steady?.cpuUsPerMessage === undefined ? undefined : steady.cpuUsPerMessage <= TARGETS.cpuUsPerMessage,
    },
    {
      name: 'PostgreSQL commits per message',
      goal: `≤ ${TARGETS.commitsPerMessage} under load (steady)`,
      measured: steady?.database ? `${steady.database.commits} at ${steady.sentPerSec} msg/s` : 'n/a',
      met: steady?.database ? steady.database.commits <= TARGETS.commitsPerMessage : undefined,
    },
    {
      name: 'reconnect storm',
      goal: `${TARGETS.stormClients} clients all caught up, last < ${TARGETS.stormLastMs / 1000} s, median < ${TARGETS.stormMedianMs / 1000} s`,
      measured: storm5k ? `${storm5k.caughtUp}/${storm5k.clients}, last ${storm5k.allCaughtUpMs} ms, median ${storm5k.catchUp.p50} ms` : 'n/a',
      met: judged(storm5k, (s) => allCaughtUp(s) && s.allCaughtUpMs < TARGETS.stormLastMs && s.catchUp.p50 < TARGETS.stormMedianMs),
    },
    {
      name: 'CPU per join in the storm, every process',
      goal: `≤ ${TARGETS.cpuUsPerJoin / 1000} ms (PostgreSQL, RabbitMQ, Redis included)`,
      measured: storm ? `${fmt(msOf(storm.cpuUsPerClient), ' ms')} over ${storm.caughtUp} joins` : 'n/a',
      met: storm?.cpuUsPerClient === undefined ? undefined : storm.cpuUsPerClient <= TARGETS.cpuUsPerJoin,
    },
    {
      name: `reconnect storm of ${TARGETS.bigStormClients}`,
      goal: 'all caught up (the time reported); --storm-clients 20000, stack',
      measured: bigStorm ? `${bigStorm.caughtUp}/${bigStorm.clients}, last ${bigStorm.allCaughtUpMs} ms, median ${bigStorm.catchUp.p50} ms` : 'n/a',
      met: judged(bigStorm, allCaughtUp),
    },
    {
      name: 'one client joining at low load',
      goal: `p50 < ${TARGETS.joinP50Ms} ms (join_session with last_seq)`,
      measured: join ? `p50 ${join.latency.p50} ms, p99 ${join.latency.p99} ms over ${join.joins} (relay ${fmt(relay?.join?.latency.p50, ' ms')})` : 'n/a',
      met: judged(join, (j) => j.latency.p50 < TARGETS.joinP50Ms),
    },
    {
      name: 'idle sockets',
      goal: `${idleGoal} per gateway, < ${TARGETS.idleKb} KB each`,
      measured: parley.idle ? `${parley.idle.connected} connected (${parley.idle.perGateway} per gateway), ${fmt(gatewayKb)} KB each` : 'n/a',
      met: parley.idle && gatewayKb !== undefined ? parley.idle.failed === 0 && parley.idle.perGateway >= idleGoal && gatewayKb < TARGETS.idleKb : undefined,
    },
  ];
}
