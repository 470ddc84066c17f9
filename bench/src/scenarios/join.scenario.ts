import { Fleet } from '../fleet/fleet';
import type { JoinsResult } from '../fleet/protocol';
import { batchFigures, scrapeBatchTotals, type HopFigures } from '../measure/batch-metrics';
import { mergeHistograms, summarize, type LatencySummary } from '../measure/latency';
import type { ScenarioContext } from './context';

export interface JoinFigures {
  joins: number;
  latency: LatencySummary;
  /** The gateways' batching hops over the joins (their /metrics): where a join's time goes. */
  batches?: Record<string, HopFigures>;
}

/** One client alone joins its session again and again, catching up a few messages each time: a join's latency at low load. */
export async function singleClientJoins(context: ScenarioContext): Promise<JoinFigures> {
  const { profile, target } = context;
  context.step(`${target.name}: ${profile.joins} joins of one client, one after another`);
  const fleet = Fleet.start(1);
  try {
    const batchesBefore = await scrapeBatchTotals(target.urls);
    const [result] = await fleet.all<JoinsResult>({ cmd: 'joins', urls: target.urls, count: profile.joins });
    const batches = batchFigures(batchesBefore, await scrapeBatchTotals(target.urls));
    return { joins: result.joins, latency: summarize(mergeHistograms([result.latency])), ...(batches ? { batches } : {}) };
  } finally {
    await fleet.stop();
  }
}
