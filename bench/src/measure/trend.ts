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

/**
 * Theil–Sen slope: the median of the slopes between every pair of points. Unlike least squares it
 * is not pulled by where in its cycle a sawtooth (a garbage-collected heap) happens to end.
 */
export function medianSlope(points: Array<[number, number]>): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j][0] - points[i][0];
      if (dx !== 0) slopes.push((points[j][1] - points[i][1]) / dx);
    }
  }
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  const middle = Math.floor(slopes.length / 2);
  return slopes.length % 2 === 1 ? slopes[middle] : (slopes[middle - 1] + slopes[middle]) / 2;
}

export interface Verdict {
  flat: boolean;
  /** Growth over the whole run the slope predicts, against the allowed growth. */
  projectedGrowth: number;
  allowed: number;
}

/**
 * Memory is flat when its trend after the first quarter of the run (warm-up: V8 grows its heaps
 * to their working size, pools fill) projects less than `allowed` growth over the whole run. The
 * trend is the Theil–Sen slope: a heap that the collector brings down every few minutes draws a
 * sawtooth of tens of MB, and a least-squares line through half an hour of it tilts with the
 * phase the run ends in; the median of the pairwise slopes does not, and a leak still lifts it.
 */
export function flatMemory(points: Array<[number, number]>, allowedBytes: number): Verdict {
  const late = points.slice(Math.floor(points.length / 4));
  const span = points.length > 1 ? points[points.length - 1][0] - points[0][0] : 0;
  const projectedGrowth = medianSlope(late) * span;
  return { flat: projectedGrowth < allowedBytes, projectedGrowth: Math.round(projectedGrowth), allowed: allowedBytes };
}

export function flatBacklog(points: Array<[number, number]>, allowed: number): Verdict {
  const last = points.length > 0 ? points[points.length - 1][1] : 0;
  const late = points.slice(Math.floor(points.length / 2));
  const span = points.length > 1 ? points[points.length - 1][0] - points[0][0] : 0;
  const projectedGrowth = slope(late) * span;
  return { flat: last <= allowed && projectedGrowth <= allowed, projectedGrowth: Math.round(projectedGrowth), allowed };
}
