import { flatBacklog, flatMemory, medianSlope, slope } from './trend';

describe('trends of a soak', () => {
  it('fits the slope of a line', () => {
    expect(slope([[0, 10], [1, 12], [2, 14], [3, 16]])).toBeCloseTo(2);
    expect(slope([[0, 5]])).toBe(0);
  });

  it('calls memory flat when its late trend projects less growth than allowed, and not when it climbs', () => {
    const plateau: Array<[number, number]> = [[0, 100], [60, 180], [120, 200], [180, 201], [240, 199], [300, 200]];
    expect(flatMemory(plateau, 20)).toEqual(expect.objectContaining({ flat: true }));
    const leak: Array<[number, number]> = [[0, 100], [60, 120], [120, 140], [180, 160], [240, 180], [300, 200]];
    expect(flatMemory(leak, 20)).toEqual({ flat: false, projectedGrowth: 100, allowed: 20 });
  });

  it('takes the median of the pairwise slopes, which one outlier does not move', () => {
    expect(medianSlope([[0, 0], [1, 1], [2, 2], [3, 30], [4, 4]])).toBeCloseTo(1);
    expect(medianSlope([[0, 5]])).toBe(0);
  });

  // An hour sampled every 30 s: a heap collected back down every 10 minutes, from 130 to 160 MB.
  const sawtooth = (leakPerHour: number): Array<[number, number]> =>
    Array.from({ length: 120 }, (_, i) => [i * 30, 130 + ((i * 30) % 600) / 20 + (leakPerHour * i * 30) / 3600] as [number, number]);
  const MB = 1;

  it('calls a garbage-collected sawtooth flat whatever phase the run ends in, and a leak under it not', () => {
    for (const cut of [100, 105, 110, 115, 120]) expect(flatMemory(sawtooth(0).slice(0, cut), 20 * MB).flat).toBe(true);
    const leaking = flatMemory(sawtooth(40 * MB), 20 * MB);
    expect(leaking.flat).toBe(false);
    expect(leaking.projectedGrowth).toBeGreaterThan(30 * MB);
  });

  it('calls a backlog flat only when it ends drained and does not climb', () => {
    expect(flatBacklog([[0, 3], [10, 0], [20, 2], [30, 0]], 5).flat).toBe(true);
    expect(flatBacklog([[0, 0], [10, 50], [20, 100], [30, 150]], 5).flat).toBe(false);
  });
});
