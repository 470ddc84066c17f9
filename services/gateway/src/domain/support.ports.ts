import type {
  AgentState,
  CannedResponse,
  ChatSession,
  CreateCannedResponseInput,
  DurationFigures,
  RateSessionInput,
  RatingFigures,
  ReportRange,
  SearchMatch,
  SearchQuery,
  SessionRating,
  TimelineBucket,
  UpdateCannedResponseInput,
  Workload,
} from '@parley/contracts';
import type { Caller } from './gateway.ports';

/** The session service's canned responses, as the gateway calls them. */
export interface CannedResponsesApi {
  list(caller: Caller): Promise<CannedResponse[]>;
  create(caller: Caller, input: CreateCannedResponseInput): Promise<CannedResponse>;
  update(caller: Caller, id: string, patch: UpdateCannedResponseInput): Promise<CannedResponse>;
  remove(caller: Caller, id: string): Promise<void>;
}

/** The session service's ratings. */
export interface RatingsApi {
  rate(caller: Caller, sessionId: string, input: RateSessionInput): Promise<SessionRating>;
  /** Null when the session has no rating. */
  get(caller: Caller, sessionId: string): Promise<SessionRating | null>;
}

export interface SearchPage {
  sessions: Array<{ session_id: string; match_count: number; matches: SearchMatch[] }>;
  has_more: boolean;
}

/** The message service's search, and the sessions its results name (session service). */
export interface SearchApi {
  search(caller: Caller, query: SearchQuery): Promise<SearchPage>;
  /** Those of the sessions the caller may see, in the order asked. */
  sessions(caller: Caller, sessionIds: string[]): Promise<ChatSession[]>;
}

/** The session service's half of a report. */
export interface SessionFigures {
  totals: { opened: number; resolved: number; waiting: number; resolution: DurationFigures; rating: RatingFigures } | null;
  agents: Array<{ agent_id: string; agent_name: string; assigned: number; resolved: number; resolution: DurationFigures; rating: RatingFigures }>;
  timeline: TimelineBucket[];
}

/** The message service's half of a report. */
export interface FirstResponses {
  totals: DurationFigures | null;
  agents: Array<{ agent_id: string; agent_name: string; figures: DurationFigures }>;
}

/** The figures supervisors watch, from the services that own them. */
export interface ReportsApi {
  sessionFigures(caller: Caller, range: ReportRange): Promise<SessionFigures>;
  firstResponses(caller: Caller, range: ReportRange): Promise<FirstResponses>;
  workload(caller: Caller): Promise<Workload>;
  /** Every support agent presence knows of (presence service). */
  agentStates(caller: Caller): Promise<AgentState[]>;
}

export interface SupportApis {
  cannedResponses: CannedResponsesApi;
  ratings: RatingsApi;
  search: SearchApi;
  reports: ReportsApi;
}
