import { checkTargets, ratio, type TargetResults } from './results';

const latency = (p50: number, p99: number) => ({ count: 100, p50, p95: p99, p99, max: p99 });
const chat = (rate: number, p50: number, p99: number, lost = 0) => ({
  rate, sentPerSec: rate, deliveredPerSec: rate, sent: rate, acked: rate, delivered: rate, lost, duplicated: 0, unexpected: 0, refused: 0, errors: 0,
  errorSamples: [], settledMs: 5, e2e: latency(p50, p99), ack: latency(p50, p99), processes: {},
});

describe('ratio', () => {
  it('divides to two decimals and has no answer without both figures', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(undefined, 2)).toBeUndefined();
    expect(ratio(2, 0)).toBeUndefined();
  });
});

describe('checkTargets', () => {
  const relay: TargetResults = { target: 'relay', failures: {}, steady: chat(2000, 1, 3), max: { maxRate: 9000, steps: [] } };

  it('meets the throughput and latency targets when Parley keeps a third of the relay and 3× its p50', () => {
    const stack: TargetResults = { target: 'stack', failures: {}, steady: chat(2000, 3, 40), max: { maxRate: 3000, steps: [] } };
    const checks = checkTargets(stack, relay, 20_000);
    expect(checks.slice(0, 3).map((c) => [c.name, c.met])).toEqual([
      ['steady load', true],
      ['max throughput vs relay', true],
      ['p50 at the steady rate vs relay', true],
    ]);
    expect(checks[3].met).toBeUndefined();
  });

  it('misses them on a lost message, a slow p99, or too little of the relay', () => {
    const stack: TargetResults = { target: 'stack', failures: {}, steady: chat(2000, 4, 60, 1), max: { maxRate: 2000, steps: [] } };
    const checks = checkTargets(stack, relay, 20_000);
    expect(checks.slice(0, 3).map((c) => c.met)).toEqual([false, false, false]);
    expect(checks[1].measured).toBe('2000 vs 9000 msg/s = 0.22×');
  });
});
