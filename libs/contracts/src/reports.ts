import { z } from 'zod';
import type { AgentState, Availability } from './availability';

export const REPORT_LIMITS = {
  /** The longest period one summary covers. */
  maxRangeDays: 31,
  /** Up to this long a period, the timeline has one bucket an hour; longer, one a day. */
  hourlyUpToHours: 48,
  /** The period when none is given: the last day. */
  defaultRangeHours: 24,
} as const;

const instant = (field: string) => z.iso.datetime({ offset: true, message: `${field} must be an ISO 8601 date and time, e.g. 2026-12-01T00:00:00Z` });
const DAY_MS = 24 * 3600 * 1000;

/**
 * GET /reports/summary: `from` (inclusive) and `to` (exclusive). Without `to`, now; without
 * `from`, a day before `to`. At most REPORT_LIMITS.maxRangeDays long.
 */
export const reportQuerySchema = z
  .strictObject({ from: instant('from').optional(), to: instant('to').optional() })
  .transform(({ from, to }) => {
    const end = to ? new Date(to) : new Date();
    const start = from ? new Date(from) : new Date(end.getTime() - REPORT_LIMITS.defaultRangeHours * 3600 * 1000);
    return { from: start.toISOString(), to: end.toISOString() };
  })
  .refine(({ from, to }) => Date.parse(from) < Date.parse(to), { message: 'from must be before to', path: ['from'] })
  .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= REPORT_LIMITS.maxRangeDays * DAY_MS, {
    message: `a report covers at most ${REPORT_LIMITS.maxRangeDays} days`,
    path: ['to'],
  });

export type ReportRange = z.infer<typeof reportQuerySchema>;

/** The timeline's bucket size for a period. */
export const bucketOf = ({ from, to }: ReportRange): 'hour' | 'day' =>
  Date.parse(to) - Date.parse(from) <= REPORT_LIMITS.hourlyUpToHours * 3600 * 1000 ? 'hour' : 'day';

/** A duration's median and 90th percentile over `count` chats; null when there were none. */
export interface DurationFigures {
  count: number;
  p50_seconds: number | null;
  p90_seconds: number | null;
}

export interface RatingFigures {
  count: number;
  /** Mean score, 1 to 5; null without ratings. */
  average: number | null;
}

/** The team's figures over a period. */
export interface ReportTotals {
  /** Chats opened in the period. */
  opened: number;
  /** Chats resolved in the period. */
  resolved: number;
  /** Chats opened in the period that are waiting now. */
  waiting: number;
  /** From a chat's opening to the first reply of an agent, for chats opened in the period. */
  first_response: DurationFigures;
  /** From a chat's opening to its resolution, for chats resolved in the period. */
  resolution: DurationFigures;
  /** Ratings given in the period. */
  rating: RatingFigures;
}

/** One agent's figures over a period. */
export interface AgentFigures {
  agent_id: string;
  agent_name: string;
  /** Chats the agent has that they got (accepted or were assigned) in the period. */
  assigned: number;
  resolved: number;
  /** Chats opened in the period whose first reply was this agent's. */
  first_response: DurationFigures;
  resolution: DurationFigures;
  rating: RatingFigures;
}

/** One step of the period: chats opened and resolved, and how long the chats opened then waited for an agent. */
export interface TimelineBucket {
  start: string;
  opened: number;
  resolved: number;
  /** Mean time from opening to acceptance of the chats opened in the bucket that were taken; null if none were. */
  average_wait_seconds: number | null;
}

/** GET /reports/summary. Admins: the team's totals, every agent and the timeline; support: their own row only. */
export interface ReportSummary {
  from: string;
  to: string;
  bucket: 'hour' | 'day';
  totals: ReportTotals | null;
  agents: AgentFigures[];
  timeline: TimelineBucket[];
}

/** Active chats of one agent now. */
export interface AgentWorkload {
  agent_id: string;
  agent_name: string;
  active_chats: number;
}

/** The queue and every agent's load right now (session service), as `workload.changed` and `workload_updated` carry them. */
export interface Workload {
  /** Increases with every change; an older one than a receiver has seen is stale. */
  version: number;
  waiting: number;
  /** When the chat waiting longest was opened; null when nobody waits. */
  oldest_waiting_since: string | null;
  agents: AgentWorkload[];
}

/** Every support agent presence knows, as `agent.roster_changed` and `agents_updated` carry them. */
export interface AgentRoster {
  agents: AgentState[];
}

/** One support agent on the supervisor's live view. */
export interface LiveAgent {
  agent_id: string;
  agent_name: string;
  online: boolean;
  availability: Availability;
  active_chats: number;
}

/** GET /reports/live (admins): the queue, who is online and available, and each agent's load. */
export interface LiveFigures {
  at: string;
  queue: { waiting: number; oldest_waiting_since: string | null; longest_wait_seconds: number };
  agents_online: number;
  agents_available: number;
  agents: LiveAgent[];
}
