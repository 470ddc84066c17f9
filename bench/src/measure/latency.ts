import * as hdr from 'hdr-histogram-js';

/** Latencies in microseconds, 1 µs to 60 s, 3 significant digits; merged across fleet processes through base64. */
export type Histogram = hdr.Histogram;

export function newHistogram(): Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3, bitBucketSize: 64 });
}

export const encodeHistogram = (histogram: Histogram): string => hdr.encodeIntoCompressedBase64(histogram);

export function mergeHistograms(encoded: string[]): Histogram {
  const merged = newHistogram();
  for (const base64 of encoded) merged.add(hdr.decodeFromCompressedBase64(base64, 64));
  return merged;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The percentiles in milliseconds (the histogram records microseconds). */
export function summarize(histogram: Histogram): LatencySummary {
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    count: histogram.totalCount,
    p50: ms(histogram.getValueAtPercentile(50)),
    p95: ms(histogram.getValueAtPercentile(95)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
  };
}
