/** Least-squares slope of y over x (per unit of x); 0 for fewer than two points. */
export function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export interface Verdict {
  flat: boolean;
  /** Growth over the whole run the slope predicts, against the allowed growth. */
  projectedGrowth: number;
  allowed: number;
}

/**
 * Memory is flat when the trend, measured over the second half of the run (after warm-up and JIT),
 * projects less than `allowed` growth over the whole run; a backlog is flat when its last sample
 * is no higher than `allowed` and its trend does not climb.
 */
export function flatMemory(points: Array<[number, number]>, allowedBytes: number): Verdict {
  const late = points.slice(Math.floor(points.length / 2));
  const span = points.length > 1 ? points[points.length - 1][0] - points[0][0] : 0;
  const projectedGrowth = slope(late) * span;
  return { flat: projectedGrowth < allowedBytes, projectedGrowth: Math.round(projectedGrowth), allowed: allowedBytes };
}

export function flatBacklog(points: Array<[number, number]>, allowed: number): Verdict {
  const last = points.length > 0 ? points[points.length - 1][1] : 0;
  const late = points.slice(Math.floor(points.length / 2));
  const span = points.length > 1 ? points[points.length - 1][0] - points[0][0] : 0;
  const projectedGrowth = slope(late) * span;
  return { flat: last <= allowed && projectedGrowth <= allowed, projectedGrowth: Math.round(projectedGrowth), allowed };
}
