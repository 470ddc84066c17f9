import type { DbCounters } from '../measure/db-stats';
import type { HopFigures } from '../measure/batch-metrics';
import type { LoadResult } from '../fleet/protocol';
import { LOAD_GENERATOR, systemCpuUs, type ProcessFigures } from '../measure/process-monitor';
import { mergeHistograms, summarize, type LatencySummary } from '../measure/latency';

/** One load step's figures, all fleet processes together. */
export interface ChatFigures {
  rate: number;
  sentPerSec: number;
  deliveredPerSec: number;
  sent: number;
  acked: number;
  delivered: number;
  lost: number;
  duplicated: number;
  unexpected: number;
  /** Sends refused as busy (RESOURCE_EXHAUSTED); also counted in errors. */
  refused: number;
  errors: number;
  errorSamples: string[];
  settledMs: number;
  e2e: LatencySummary;
  ack: LatencySummary;
  processes: Record<string, ProcessFigures>;
  /** CPU per acknowledged message over every process of the system (shared servers included, the load generator not), µs. */
  cpuUsPerMessage?: number;
  /** What the load generator took: its cores, and its busiest process's event loop (near 1: it, not the target, is the bound). */
  generator: { cores?: number; busiestLoop: number };
  /** The target's database, per acknowledged message (the relay has none). */
  database?: DbCounters;
  /** The gateways' batching hops over the load (their /metrics; the relay has none). */
  batches?: Record<string, HopFigures>;
}

export function combineLoad(rate: number, results: LoadResult[], processes: Record<string, ProcessFigures>): ChatFigures {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  const windowSeconds = Math.max(...results.map((r) => r.windowMs)) / 1000;
  const settleSeconds = Math.max(...results.map((r) => r.settledMs)) / 1000;
  return {
    rate,
    sentPerSec: Math.round(sum((r) => r.sent) / windowSeconds),
    deliveredPerSec: Math.round(sum((r) => r.delivered) / (windowSeconds + settleSeconds)),
    sent: sum((r) => r.sent),
    acked: sum((r) => r.acked),
    delivered: sum((r) => r.delivered),
    lost: sum((r) => r.lost),
    duplicated: sum((r) => r.duplicated),
    unexpected: sum((r) => r.unexpected),
    refused: sum((r) => r.refused),
    errors: sum((r) => r.errors),
    errorSamples: [...new Set(results.flatMap((r) => r.errorSamples))].slice(0, 5),
    settledMs: Math.round(settleSeconds * 1000),
    e2e: summarize(mergeHistograms(results.map((r) => r.e2e))),
    ack: summarize(mergeHistograms(results.map((r) => r.ack))),
    processes,
    cpuUsPerMessage: systemCpuUs(processes),
    generator: { cores: processes[LOAD_GENERATOR]?.cpuCores, busiestLoop: Math.max(...results.map((r) => r.eventLoopUtilization)) },
  };
}

/** The load generator's busiest event loop above this: a step it failed may be its own bound, not the target's. */
export const GENERATOR_BOUND_LOOP = 0.9;

export const P99_LIMIT_MS = 50;

/** A step holds when p99 stays under the limit, nothing is lost, duplicated or refused, and the generator kept the rate. */
export function holds(figures: ChatFigures): boolean {
  return (
    figures.e2e.p99 < P99_LIMIT_MS &&
    figures.lost === 0 &&
    figures.duplicated === 0 &&
    figures.errors === 0 &&
    figures.sentPerSec >= figures.rate * 0.95
  );
}
