import { fetchMetrics } from './backlog';

/** Running totals of one batching hop (libs/batching's histograms) as a process's /metrics shows them. */
export interface HopTotals {
  batches: number;
  items: number;
  seconds: number;
}

/** What the batches of one hop were like over a load: how many, how full, how long each took. */
export interface HopFigures {
  batches: number;
  itemsPerBatch: number;
  msPerBatch: number;
}

const NONE: HopTotals = { batches: 0, items: 0, seconds: 0 };

const SERIES = /^parley_batch_(items|duration_seconds)_(sum|count)\{hop="([^"]+)"\} (\S+)$/;

/** The batching hops' totals in Prometheus text, by hop. */
export function parseBatchTotals(text: string): Record<string, HopTotals> {
  const totals: Record<string, HopTotals> = {};
  for (const line of text.split('\n')) {
    const match = SERIES.exec(line.trim());
    if (!match) continue;
    const [, metric, kind, hop, value] = match;
    const hopTotals = (totals[hop] ??= { ...NONE });
    if (metric === 'items' && kind === 'sum') hopTotals.items += Number(value);
    if (metric === 'items' && kind === 'count') hopTotals.batches += Number(value);
    if (metric === 'duration_seconds' && kind === 'sum') hopTotals.seconds += Number(value);
  }
  return totals;
}

/**
 * The totals of every process at `urls` (their /metrics), added up by hop; a process that does not
 * answer counts nothing, and one named twice (the all-in-one's two gateway addresses) counts once.
 */
export async function scrapeBatchTotals(urls: string[]): Promise<Record<string, HopTotals>> {
  return parseBatchTotals((await Promise.all([...new Set(urls)].map(fetchMetrics))).join('\n'));
}

/** Each hop's batches between two scrapes, hops with no batch in between left out; undefined when no hop batched. */
export function batchFigures(before: Record<string, HopTotals>, after: Record<string, HopTotals>): Record<string, HopFigures> | undefined {
  const figures: Record<string, HopFigures> = {};
  for (const [hop, now] of Object.entries(after)) {
    const then = before[hop] ?? NONE;
    const batches = now.batches - then.batches;
    if (batches <= 0) continue;
    figures[hop] = {
      batches,
      itemsPerBatch: Math.round(((now.items - then.items) / batches) * 10) / 10,
      msPerBatch: Math.round(((now.seconds - then.seconds) * 1000 * 100) / batches) / 100,
    };
  }
  return Object.keys(figures).length > 0 ? figures : undefined;
}
