import { GENERATOR_BOUND_LOOP, holds, type ChatFigures } from '../scenarios/chat-figures';
import type { MaxThroughput } from '../scenarios/chat-load.scenario';
import type { ReconnectFigures } from '../scenarios/reconnect.scenario';
import type { HopFigures } from '../measure/batch-metrics';
import { ratio, type TargetResults } from './results';

const show = (n: number | undefined, unit = '') => (n === undefined ? '–' : `${n}${unit}`);
const showRatio = (r: number | undefined) => (r === undefined ? '–' : `${r}×`);

/** A row per batching hop: batches, items per batch, time per batch. */
const batchRows = (label: string, batches: Record<string, HopFigures> | undefined): string[][] =>
  Object.entries(batches ?? {}).map(([hop, b]) => [`${label}: gateways' batches to ${hop}: batches, items each, ms each`, `${b.batches}, ${b.itemsPerBatch}, ${b.msPerBatch} ms`, '', '']);

function chatRows(label: string, parley: ChatFigures | undefined, relay: ChatFigures | undefined): string[][] {
  if (!parley && !relay) return [];
  const row = (what: string, pick: (f: ChatFigures) => number | undefined, unit = '') => {
    const a = parley ? pick(parley) : undefined;
    const b = relay ? pick(relay) : undefined;
    return [`${label}: ${what}`, show(a, unit), show(b, unit), showRatio(ratio(a, b))];
  };
  return [
    row('sent msg/s (asked ' + (parley?.rate ?? relay?.rate) + ')', (f) => f.sentPerSec),
    row('delivered/s', (f) => f.deliveredPerSec),
    row('e2e p50', (f) => f.e2e.p50, ' ms'),
    row('e2e p95', (f) => f.e2e.p95, ' ms'),
    row('e2e p99', (f) => f.e2e.p99, ' ms'),
    row('e2e max', (f) => f.e2e.max, ' ms'),
    row('ack p50', (f) => f.ack.p50, ' ms'),
    row('ack p99', (f) => f.ack.p99, ' ms'),
    row('lost', (f) => f.lost),
    row('duplicated', (f) => f.duplicated),
    row('refused as busy (RESOURCE_EXHAUSTED)', (f) => f.refused),
    row('errors (refusals included)', (f) => f.errors),
    row('CPU µs/msg, every process (load generator not)', (f) => f.cpuUsPerMessage),
    [`${label}: load generator cores, busiest event loop`, generator(parley), generator(relay), ''],
  ];
}

const generator = (f: ChatFigures | undefined) => (f ? `${show(f.generator.cores)}, ${Math.round(f.generator.busiestLoop * 100)} %` : '–');

/** The step at which the search for the maximum stopped, and whether the load generator was near its own bound there. */
function failedStep(max: MaxThroughput | undefined): string {
  const step = max?.steps.find((s) => !holds(s));
  if (!max) return '–';
  if (!step) return 'none (the ladder ended)';
  return `${step.rate} msg/s: ${generator(step)}${step.generator.busiestLoop >= GENERATOR_BOUND_LOOP ? ' (the load generator may be the bound)' : ''}`;
}

/** Rows of the side-by-side table: one Parley mode against the relay, with the ratio. */
export function comparisonRows(parley: TargetResults, relay: TargetResults | undefined): string[][] {
  const rows: string[][] = [['figure', parley.target, 'relay', 'ratio']];
  if (parley.join || relay?.join) {
    const [p, r] = [parley.join?.latency, relay?.join?.latency];
    rows.push(['one client joining: p50 / p99', p ? `${p.p50} / ${p.p99} ms` : '–', r ? `${r.p50} / ${r.p99} ms` : '–', showRatio(ratio(p?.p50, r?.p50))]);
    rows.push(...batchRows('one client joining', parley.join?.batches));
  }
  if (parley.setup) {
    const drain = (s?: { elapsedMs: number; drainedMs?: number }) => (s ? `${Math.round(s.elapsedMs / 100) / 10} s / ${s.drainedMs === undefined ? '–' : `${s.drainedMs / 1000} s`}` : '–');
    rows.push([`opening ${parley.setup.sessions} sessions / its work draining`, drain(parley.setup), drain(relay?.setup), '']);
  }
  rows.push(...chatRows('low', parley.low, relay?.low));
  rows.push(...chatRows('steady', parley.steady, relay?.steady));
  rows.push(...chatRows('burst', parley.burst, relay?.burst));
  if (parley.max || relay?.max) {
    rows.push(['max sustained msg/s (p99 < 50 ms, none lost)', show(parley.max?.maxRate), show(relay?.max?.maxRate), showRatio(ratio(parley.max?.maxRate, relay?.max?.maxRate))]);
    rows.push(['max: the first step that failed, load generator cores, busiest event loop', failedStep(parley.max), failedStep(relay?.max), '']);
  }
  if (parley.reconnect || relay?.reconnect) {
    const p = parley.reconnect;
    const r = relay?.reconnect;
    rows.push([`reconnect storm: clients caught up`, p ? `${p.caughtUp}/${p.clients}` : '–', r ? `${r.caughtUp}/${r.clients}` : '–', '']);
    rows.push(['reconnect storm: all caught up', show(p?.allCaughtUpMs, ' ms'), show(r?.allCaughtUpMs, ' ms'), showRatio(ratio(p?.allCaughtUpMs, r?.allCaughtUpMs))]);
    rows.push(['reconnect storm: p50 / p99 per client', p ? `${p.catchUp.p50} / ${p.catchUp.p99} ms` : '–', r ? `${r.catchUp.p50} / ${r.catchUp.p99} ms` : '–', '']);
    const connected = (f: ReconnectFigures | undefined) => (f?.connected ? `${f.connected.p50} / ${f.connected.max} ms` : '–');
    rows.push(['reconnect storm: sockets connected, p50 / last', connected(p), connected(r), '']);
    rows.push(['reconnect storm: CPU µs per client, every process (load generator not)', show(p?.cpuUsPerClient), show(r?.cpuUsPerClient), '']);
    rows.push(...batchRows('reconnect storm', p?.batches));
    for (const [name, fig] of Object.entries(p?.processes ?? {})) rows.push([`reconnect storm: ${name} CPU µs/client, cores`, `${show(fig.cpuUsPerMessage)} µs, ${show(fig.cpuCores)}`, '', '']);
  }
  if (parley.idle || relay?.idle) {
    const kb = (f: TargetResults | undefined) => (f?.idle ? Object.entries(f.idle.kbPerConnection).filter(([n]) => /gateway|relay|all-in-one/.test(n)).map(([n, v]) => `${n} ${v}`).join(', ') : '–');
    rows.push([`idle: sockets per gateway`, show(parley.idle?.perGateway), show(relay?.idle?.perGateway), '']);
    rows.push(['idle: KB per socket', kb(parley), kb(relay), '']);
  }
  if (parley.history) for (const [read, s] of Object.entries(parley.history.reads)) rows.push([`history ${parley.history.messages}: ${read} p50/p99`, `${s.p50} / ${s.p99} ms`, '–', '']);
  if (parley.steady) {
    for (const [name, p] of Object.entries(parley.steady.processes)) rows.push([`steady: ${name} CPU µs/msg, cores, RSS`, `${show(p.cpuUsPerMessage)} µs, ${show(p.cpuCores)}, ${p.rssMb} MB`, '', '']);
  }
  rows.push(...batchRows('steady', parley.steady?.batches));
  const db = parley.steady?.database;
  if (db) rows.push(['steady: PostgreSQL per message: commits, rows inserted/updated/deleted', `${db.commits}, ${db.inserted}/${db.updated}/${db.deleted}`, '', '']);
  if (relay?.steady) for (const [name, p] of Object.entries(relay.steady.processes)) rows.push([`steady: ${name} CPU µs/msg, cores, RSS`, '', `${show(p.cpuUsPerMessage)} µs, ${show(p.cpuCores)}, ${p.rssMb} MB`, '']);
  for (const [scenario, error] of Object.entries(parley.failures)) rows.push([`${scenario} FAILED`, error.split('\n')[0].slice(0, 120), '', '']);
  return rows;
}
