import { Fleet } from '../fleet/fleet';
import type { JoinsResult } from '../fleet/protocol';
import { mergeHistograms, summarize, type LatencySummary } from '../measure/latency';
import type { ScenarioContext } from './context';

export interface JoinFigures {
  joins: number;
  latency: LatencySummary;
}

/** One client alone joins its session again and again, catching up a few messages each time: a join's latency at low load. */
export async function singleClientJoins(context: ScenarioContext): Promise<JoinFigures> {
  const { profile, target } = context;
  context.step(`${target.name}: ${profile.joins} joins of one client, one after another`);
  const fleet = Fleet.start(1);
  try {
    const [result] = await fleet.all<JoinsResult>({ cmd: 'joins', urls: target.urls, count: profile.joins });
    return { joins: result.joins, latency: summarize(mergeHistograms([result.latency])) };
  } finally {
    await fleet.stop();
  }
}
