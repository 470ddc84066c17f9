import { WindowLimit, type Verdict } from './window-limit';

/** A limit on a clock the spec moves by hand. */
function limitAt(points: number, windowMs: number, start = 0) {
  const clock = { now: start };
  const limit = new WindowLimit({ name: 'spec', points, windowMs, clock: () => clock.now });
  const takes = (key: string, times: number): boolean[] => Array.from({ length: times }, () => limit.take(key).allowed);
  return { limit, clock, takes };
}

const retryAfter = (verdict: Verdict): number => (verdict.allowed ? 0 : verdict.retryAfterMs);

describe('WindowLimit', () => {
  it('admits `points` per key in a window and refuses the rest, telling how long to wait', () => {
    const { limit, clock, takes } = limitAt(3, 10_000, 1000);
    expect(takes('alice', 4)).toEqual([true, true, true, false]);
    expect(takes('bob', 1)).toEqual([true]);
    const wait = retryAfter(limit.take('alice'));
    expect(wait).toBeGreaterThan(9000);
    clock.now += wait - 1;
    expect(limit.take('alice').allowed).toBe(false);
    clock.now += 1;
    expect(limit.take('alice').allowed).toBe(true);
  });

  it('counts a window that just ended by the part of it still within the last window length', () => {
    const { clock, takes } = limitAt(10, 1000, 500);
    expect(takes('k', 10).every(Boolean)).toBe(true);
    clock.now = 1000; // the next fixed window: all ten were within the last second
    expect(takes('k', 1)).toEqual([false]);
    clock.now = 1500; // half of the previous window slid out: five of its ten still count
    expect(takes('k', 6)).toEqual([true, true, true, true, true, false]);
    clock.now = 3000; // two windows later nothing counts any more
    expect(takes('k', 11).filter(Boolean)).toHaveLength(10);
  });

  it('spends nothing on a refused take', () => {
    const { clock, takes } = limitAt(2, 1000);
    expect(takes('k', 50)).toEqual([true, true, ...Array(48).fill(false)]);
    clock.now = 2000;
    expect(takes('k', 3)).toEqual([true, true, false]);
  });

  it("adds what other gateways spent, as the shared store tells it, to this gateway's own points", () => {
    const { limit, takes } = limitAt(5, 1000);
    expect(takes('k', 1)).toEqual([true]);
    limit.heard('k', 0, 3); // three spent elsewhere
    expect(takes('k', 2)).toEqual([true, false]);
    const [spent] = limit.drain();
    expect(spent).toEqual({ key: 'k', window: 0, count: 2 });
    limit.confirm(spent, 5, 0); // the store adds our two to the three
    expect(takes('k', 1)).toEqual([false]);
    limit.heard('stranger', 0, 99); // a key this gateway never saw stays unknown until it is used here
    expect(takes('stranger', 1)).toEqual([true]);
  });

  it('keeps points the store could not take, to send them again, and goes on counting them', () => {
    const { limit, takes } = limitAt(3, 1000);
    expect(takes('k', 2)).toEqual([true, true]);
    const spent = limit.drain();
    expect(limit.hasUnsent()).toBe(false);
    spent.forEach((s) => limit.restore(s));
    expect(takes('k', 2)).toEqual([true, false]);
    expect(limit.drain()).toEqual([{ key: 'k', window: 0, count: 3 }]);
  });

  it("puts a confirmation that arrives after its window ended into the previous window's total", () => {
    const { limit, clock, takes } = limitAt(4, 1000);
    expect(takes('k', 1)).toEqual([true]);
    const [spent] = limit.drain();
    clock.now = 1000;
    expect(takes('k', 1)).toEqual([true]); // window 1 begins: window 0 held one point, as far as we knew
    limit.confirm(spent, 4, 0); // three more had been spent elsewhere in window 0
    expect(takes('k', 1)).toEqual([false]);
  });
});
