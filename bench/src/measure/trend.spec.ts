import { flatBacklog, flatMemory, slope } from './trend';

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

  it('calls a backlog flat only when it ends drained and does not climb', () => {
    expect(flatBacklog([[0, 3], [10, 0], [20, 2], [30, 0]], 5).flat).toBe(true);
    expect(flatBacklog([[0, 0], [10, 50], [20, 100], [30, 150]], 5).flat).toBe(false);
  });
});
