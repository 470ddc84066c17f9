import type { DurationFigures, RatingFigures, TimelineBucket, Workload } from '@parley/contracts';
import type { Workload as WorkloadProto, Workload__Output } from '../generated/parley/session/v1/Workload';
import type { TimelineBucket as TimelineBucketProto, TimelineBucket__Output } from '../generated/parley/session/v1/TimelineBucket';

interface DurationProto {
  count: number;
  p50_seconds: number;
  p90_seconds: number;
}
interface RatingProto {
  count: number;
  average: number;
}

/** Figures over no chats travel as zeros with count 0 and come back as nulls. */
export const durationToProto = (figures: DurationFigures): DurationProto => ({ count: figures.count, p50_seconds: figures.p50_seconds ?? 0, p90_seconds: figures.p90_seconds ?? 0 });

export const durationFromProto = (proto: DurationProto | null | undefined): DurationFigures =>
  proto && proto.count > 0 ? { count: proto.count, p50_seconds: proto.p50_seconds, p90_seconds: proto.p90_seconds } : { count: 0, p50_seconds: null, p90_seconds: null };

export const ratingFiguresToProto = (figures: RatingFigures): RatingProto => ({ count: figures.count, average: figures.average ?? 0 });

export const ratingFiguresFromProto = (proto: RatingProto | null | undefined): RatingFigures =>
  proto && proto.count > 0 ? { count: proto.count, average: proto.average } : { count: 0, average: null };

export const timelineToProto = (bucket: TimelineBucket): TimelineBucketProto => ({
  start: bucket.start,
  opened: bucket.opened,
  resolved: bucket.resolved,
  taken: bucket.average_wait_seconds === null ? 0 : 1,
  average_wait_seconds: bucket.average_wait_seconds ?? 0,
});

export const timelineFromProto = (proto: TimelineBucket__Output): TimelineBucket => ({
  start: proto.start,
  opened: proto.opened,
  resolved: proto.resolved,
  average_wait_seconds: proto.taken > 0 ? proto.average_wait_seconds : null,
});

export const workloadToProto = (workload: Workload): WorkloadProto => ({ ...workload, oldest_waiting_since: workload.oldest_waiting_since ?? '' });

export const workloadFromProto = (proto: Workload__Output): Workload => ({
  version: proto.version,
  waiting: proto.waiting,
  oldest_waiting_since: proto.oldest_waiting_since || null,
  agents: proto.agents.map((a) => ({ agent_id: a.agent_id, agent_name: a.agent_name, active_chats: a.active_chats })),
});
