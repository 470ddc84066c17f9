import type { ChatFigures } from '../scenarios/chat-figures';
import type { ReconnectFigures } from '../scenarios/reconnect.scenario';
import { checkTargets, ratio, type TargetCheck, type TargetResults } from './results';

const latency = (p50: number, p99: number) => ({ count: 100, p50, p95: p99, p99, max: p99 });
const chat = (rate: number, p50: number, p99: number, more: Partial<ChatFigures> = {}): ChatFigures => ({
  rate, sentPerSec: rate, deliveredPerSec: rate, sent: rate, acked: rate, delivered: rate, lost: 0, duplicated: 0, unexpected: 0, refused: 0, errors: 0,
  errorSamples: [], settledMs: 5, e2e: latency(p50, p99), ack: latency(p50, p99), processes: {}, generator: { cores: 0.3, busiestLoop: 0.2 }, ...more,
});
const storm = (clients: number, lastMs: number, medianMs: number, more: Partial<ReconnectFigures> = {}): ReconnectFigures => ({
  clients, caughtUp: clients, missedPerSession: 5, errors: 0, errorSamples: [], allCaughtUpMs: lastMs, catchUp: latency(medianMs, lastMs), processes: {}, cpuUsPerClient: 1500, ...more,
});
const verdicts = (checks: TargetCheck[]) => Object.fromEntries(checks.map((c) => [c.name, c.met]));

describe('ratio', () => {
  it('divides to two decimals and has no answer without both figures', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(undefined, 2)).toBeUndefined();
    expect(ratio(2, 0)).toBeUndefined();
  });
});

describe('checkTargets', () => {
  const relay: TargetResults = { target: 'relay', failures: {}, low: chat(100, 0.6, 2), steady: chat(2000, 1, 3), max: { maxRate: 12000, steps: [] } };
  const good: TargetResults = {
    target: 'stack',
    failures: {},
    join: { joins: 1000, latency: latency(3.1, 9) },
    low: chat(100, 2.4, 8),
    steady: chat(2000, 4.5, 40, { cpuUsPerMessage: 780, database: { commits: 0.2, rollbacks: 0, inserted: 1.1, updated: 0.3, deleted: 0 } }),
    max: { maxRate: 2000, steps: [] },
    reconnect: storm(5000, 9500, 4200),
  };

  it('meets every target a run measured, and leaves the ones it did not measure open', () => {
    expect(verdicts(checkTargets(good, relay, 20_000))).toEqual({
      'steady load': true,
      'max sustained': true,
      'p50 at 2000 msg/s vs relay': true,
      'p50 at 100 msg/s (low load)': true,
      'CPU per message, every process': true,
      'PostgreSQL commits per message': true,
      'reconnect storm': true,
      'CPU per join in the storm, every process': true,
      'reconnect storm of 20000': undefined,
      'one client joining at low load': true,
      'idle sockets': undefined,
    });
  });

  it('asks more of the all-in-one process: 3,000 msg/s at the most', () => {
    const check = (target: string, maxRate: number) => checkTargets({ ...good, target, max: { maxRate, steps: [] } }, relay, 20_000).find((c) => c.name === 'max sustained');
    expect(check('all-in-one', 2000)).toEqual(expect.objectContaining({ met: false, goal: '≥ 3000 msg/s (p99 < 50 ms, none lost, duplicated or refused)' }));
    expect(check('all-in-one', 3000)?.met).toBe(true);
    expect(check('stack', 1500)?.met).toBe(false);
  });

  it('misses them on a refusal, a slow p99 or p50, too much CPU or too many commits', () => {
    const bad: TargetResults = {
      ...good,
      join: { joins: 1000, latency: latency(5, 9) },
      low: chat(100, 3, 8),
      steady: chat(2000, 5.5, 60, { errors: 1, refused: 1, cpuUsPerMessage: 801, database: { commits: 0.21, rollbacks: 0, inserted: 1, updated: 0, deleted: 0 } }),
      reconnect: storm(5000, 9500, 5100, { cpuUsPerClient: 2100 }),
    };
    const met = verdicts(checkTargets(bad, relay, 20_000));
    expect([met['steady load'], met['p50 at 2000 msg/s vs relay'], met['p50 at 100 msg/s (low load)'], met['CPU per message, every process'], met['PostgreSQL commits per message']]).toEqual([false, false, false, false, false]);
    expect([met['reconnect storm'], met['CPU per join in the storm, every process'], met['one client joining at low load']]).toEqual([false, false, false]);
    expect(checkTargets(bad, relay, 20_000).find((c) => c.name === 'CPU per message, every process')?.measured).toBe('0.801 ms at 2000 msg/s');
  });

  it('judges a 20,000-client storm on its own: all caught up, whatever the time', () => {
    const big = { ...good, reconnect: storm(20_000, 38_000, 20_000, { cpuUsPerClient: 1900 }) };
    const checks = checkTargets(big, relay, 20_000);
    expect(verdicts(checks)).toEqual(expect.objectContaining({ 'reconnect storm': undefined, 'reconnect storm of 20000': true, 'CPU per join in the storm, every process': true }));
    expect(checks.find((c) => c.name === 'reconnect storm of 20000')?.measured).toBe('20000/20000, last 38000 ms, median 20000 ms');
    const lostOne = { ...good, reconnect: { ...storm(20_000, 38_000, 20_000), caughtUp: 19_999 } };
    expect(verdicts(checkTargets(lostOne, relay, 20_000))['reconnect storm of 20000']).toBe(false);
  });
});
