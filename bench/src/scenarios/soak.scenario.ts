import { outboxBacklog, queueDepths, scrapeMetric } from '../measure/backlog';
import { flatBacklog, flatMemory, type Verdict } from '../measure/trend';
import type { ChatFigures } from './chat-figures';
import type { ChatLoadRun } from './chat-load.scenario';
import type { ScenarioContext } from './context';

/** Memory may grow this much over the run and still count as flat (caches and pools filling up). */
const ALLOWED_GROWTH_BYTES = 20 * 1024 * 1024;
/** A backlog this small is work in flight, not growth. */
const ALLOWED_BACKLOG = 50;
const SHARED = /whole server|whole broker|load generator/;

export interface SoakSample {
  atSeconds: number;
  rssMb: Record<string, number>;
  heapUsedMb: Record<string, number>;
  outbox: Record<string, number>;
  queues: Record<string, number>;
  p99: number;
  lost: number;
}

export interface SoakFigures {
  seconds: number;
  /** How long the soak took on the clock (the load pauses only for stragglers at each slice's end). */
  wallSeconds: number;
  rate: number;
  sent: number;
  lost: number;
  duplicated: number;
  errors: number;
  samples: SoakSample[];
  verdicts: Record<string, Verdict>;
  flat: boolean;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

/** Moderate chat load for a long time, sampling memory, outbox backlog and queue depths between slices. */
export async function soak(context: ScenarioContext, chat: ChatLoadRun): Promise<SoakFigures> {
  const { profile, target } = context;
  const samples: SoakSample[] = [];
  // About 120 samples whatever the length (every 30 s over the hour), at least soakSampleSeconds apart.
  const sliceSeconds = Math.max(profile.soakSampleSeconds, Math.round(profile.soakSeconds / 120));
  const slices = Math.max(2, Math.round(profile.soakSeconds / sliceSeconds));
  let sent = 0;
  let lost = 0;
  let duplicated = 0;
  let errors = 0;
  const takeSample = async (atSeconds: number, figures: ChatFigures) => {
    const rssMb: Record<string, number> = {};
    for (const [name, sample] of context.monitor.sample()) rssMb[name] = mb(sample.rssBytes);
    const heapUsedMb: Record<string, number> = {};
    for (const url of new Set(target.urls)) {
      const heap = await scrapeMetric(url, 'parley_nodejs_heap_size_used_bytes');
      if (heap !== undefined) heapUsedMb[`gateway ${url}`] = mb(heap);
    }
    samples.push({
      atSeconds,
      rssMb,
      heapUsedMb,
      outbox: target.databaseUrl ? await outboxBacklog(target.databaseUrl) : {},
      queues: target.queuePrefix ? await queueDepths([target.queuePrefix, target.exchange ?? '\u0000']).catch(() => ({})) : {},
      p99: figures.e2e.p99,
      lost: figures.lost,
    });
  };
  // A sample is taken while the next slice's load runs, so the load does not pause for it.
  let sampling: Promise<void> = Promise.resolve();
  const startedAt = Date.now();
  for (let slice = 0; slice < slices; slice++) {
    context.step(`${target.name}: soak at ${profile.soakRate} msg/s, ${slice * sliceSeconds}/${slices * sliceSeconds} s`);
    const figures = await chat.load(profile.soakRate, sliceSeconds);
    sent += figures.sent;
    lost += figures.lost;
    duplicated += figures.duplicated;
    errors += figures.errors;
    await sampling;
    sampling = takeSample((slice + 1) * sliceSeconds, figures);
  }
  await sampling;
  const { verdicts, flat } = judgeSoak(samples, lost, duplicated);
  return { seconds: slices * sliceSeconds, wallSeconds: Math.round((Date.now() - startedAt) / 1000), rate: profile.soakRate, sent, lost, duplicated, errors, samples, verdicts, flat };
}

/**
 * The soak's verdicts from its samples: every Parley process's RSS and every gateway's heap flat,
 * every outbox and queue drained and not climbing, nothing lost or duplicated. Kept apart from the
 * run so a recorded soak can be judged again (`npx tsx bench/src/judge-soak.ts <results.json>`).
 */
export function judgeSoak(samples: SoakSample[], lost: number, duplicated: number): { verdicts: Record<string, Verdict>; flat: boolean } {
  const verdicts: Record<string, Verdict> = {};
  const series = (pick: (s: SoakSample) => Record<string, number>, scale: number) => {
    const names = new Set(samples.flatMap((s) => Object.keys(pick(s))));
    return [...names].map((name) => [name, samples.map((s): [number, number] => [s.atSeconds, (pick(s)[name] ?? 0) * scale])] as const);
  };
  // The machine's PostgreSQL and RabbitMQ serve others too, and the load generator keeps its ledger: sampled, not judged.
  for (const [name, points] of series((s) => s.rssMb, 1024 * 1024)) if (!SHARED.test(name)) verdicts[`rss ${name}`] = flatMemory(points, ALLOWED_GROWTH_BYTES);
  for (const [name, points] of series((s) => s.heapUsedMb, 1024 * 1024)) verdicts[`heap ${name}`] = flatMemory(points, ALLOWED_GROWTH_BYTES);
  for (const [name, points] of series((s) => s.outbox, 1)) verdicts[`outbox ${name}`] = flatBacklog(points, ALLOWED_BACKLOG);
  for (const [name, points] of series((s) => s.queues, 1)) verdicts[`queue ${name}`] = flatBacklog(points, ALLOWED_BACKLOG);
  const flat = Object.values(verdicts).every((v) => v.flat) && lost === 0 && duplicated === 0;
  return { verdicts, flat };
}
