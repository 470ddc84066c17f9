import type { DurationFigures, RatingFigures, ReportRange, TimelineBucket, Workload } from '@parley/contracts';

/** The session service's half of an agent's figures (first responses are the message service's). */
export interface SessionAgentFigures {
  agent_id: string;
  agent_name: string;
  assigned: number;
  resolved: number;
  resolution: DurationFigures;
  rating: RatingFigures;
}

export interface SessionTotals {
  opened: number;
  resolved: number;
  waiting: number;
  resolution: DurationFigures;
  rating: RatingFigures;
}

export interface SessionReport {
  /** Null for a support agent's own figures. */
  totals: SessionTotals | null;
  agents: SessionAgentFigures[];
  timeline: TimelineBucket[];
}

/** The reports' reads of chat_sessions and chat_session_ratings, each one set-based statement on an index. */
export interface SessionReportRepository {
  totals(range: ReportRange): Promise<SessionTotals>;
  /** Every agent with figures in the period, or only `agentId`'s (then always one row, zeros if none). */
  agents(range: ReportRange, agentId?: string): Promise<SessionAgentFigures[]>;
  timeline(range: ReportRange, bucket: 'hour' | 'day'): Promise<TimelineBucket[]>;
  workload(): Promise<Workload>;
}
