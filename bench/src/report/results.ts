import type { ChatFigures } from '../scenarios/chat-figures';
import type { MaxThroughput } from '../scenarios/chat-load.scenario';
import type { HistoryFigures } from '../scenarios/history.scenario';
import type { IdleFigures } from '../scenarios/idle.scenario';
import type { ReconnectFigures } from '../scenarios/reconnect.scenario';
import type { SoakFigures } from '../scenarios/soak.scenario';

/** Everything one target measured; a scenario that was not run (or failed) is absent or carries its error. */
export interface TargetResults {
  target: string;
  setup?: { sessions: number; sockets: number; elapsedMs: number };
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

const fmt = (n: number | undefined, unit = '') => (n === undefined ? 'n/a' : `${n}${unit}`);

/** The targets, judged from one mode's results against the relay's in the same run. */
export function checkTargets(parley: TargetResults, relay: TargetResults | undefined, idleGoal: number): TargetCheck[] {
  const steady = parley.steady;
  const maxRatio = ratio(parley.max?.maxRate, relay?.max?.maxRate);
  const p50Ratio = ratio(steady?.e2e.p50, relay?.steady?.e2e.p50);
  const gatewayKb = parley.idle ? Math.max(...Object.entries(parley.idle.kbPerConnection).filter(([n]) => /gateway|all-in-one/.test(n)).map(([, kb]) => kb)) : undefined;
  const storm = parley.reconnect;
  return [
    {
      name: 'steady load',
      goal: `${steady?.rate ?? 2000} msg/s, p99 < 50 ms, 0 lost, 0 duplicated`,
      measured: steady ? `${steady.sentPerSec} msg/s, p99 ${steady.e2e.p99} ms, ${steady.lost} lost, ${steady.duplicated} dup` : 'n/a',
      met: steady ? steady.sentPerSec >= steady.rate * 0.95 && steady.e2e.p99 < 50 && steady.lost === 0 && steady.duplicated === 0 : undefined,
    },
    {
      name: 'max throughput vs relay',
      goal: '≥ 0.33 × relay',
      measured: `${fmt(parley.max?.maxRate)} vs ${fmt(relay?.max?.maxRate)} msg/s = ${fmt(maxRatio, '×')}`,
      met: maxRatio === undefined || !parley.max || !relay?.max ? undefined : parley.max.maxRate * 3 >= relay.max.maxRate,
    },
    {
      name: 'p50 at the steady rate vs relay',
      goal: '≤ 3 × relay',
      measured: `${fmt(steady?.e2e.p50)} vs ${fmt(relay?.steady?.e2e.p50)} ms = ${fmt(p50Ratio, '×')}`,
      met: p50Ratio === undefined ? undefined : p50Ratio <= 3,
    },
    {
      name: 'idle sockets',
      goal: `${idleGoal} per gateway, < 30 KB each`,
      measured: parley.idle ? `${parley.idle.connected} connected (${parley.idle.perGateway} per gateway), ${fmt(gatewayKb)} KB each` : 'n/a',
      met: parley.idle && gatewayKb !== undefined ? parley.idle.failed === 0 && parley.idle.perGateway >= idleGoal && gatewayKb < 30 : undefined,
    },
    {
      name: 'reconnect storm',
      goal: '5000 clients all caught up < 10 s',
      measured: storm ? `${storm.caughtUp}/${storm.clients} in ${storm.allCaughtUpMs} ms` : 'n/a',
      met: storm ? storm.clients >= 5000 && storm.caughtUp === storm.clients && storm.allCaughtUpMs < 10_000 : undefined,
    },
  ];
}
