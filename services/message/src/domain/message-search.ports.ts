import type { ChatSession, DurationFigures, ReportRange, SearchMatch, SessionStatus } from '@parley/contracts';

/** What the message service keeps of each session from the session events: whose it is, its status, when it opened. */
export interface KnownSessions {
  /** Records the session as an event told it; an event older than the one recorded changes nothing. */
  record(session: ChatSession): Promise<void>;
}

export interface SearchFilter {
  /** The search's words; each matches a word of a message that starts with it. */
  words: string[];
  status?: SessionStatus;
  /** Only this requester's sessions (customers and restaurants search their own). */
  requesterId?: string;
  /** Whether private notes (`message_type: 'note'`) may match: never for a requester. */
  includeNotes: boolean;
  limit: number;
  offset: number;
}

/** A session's matches as the repository answers them: each snippet with the words found between STX (U+0002) and ETX (U+0003). */
export interface MarkedSessionMatches {
  session_id: string;
  match_count: number;
  matches: Array<Omit<SearchMatch, 'snippet' | 'highlights'> & { marked: string }>;
}

export interface MessageSearchRepository {
  /** Sessions with a message that has every word, newest match first, each with its latest matches. */
  search(filter: SearchFilter): Promise<MarkedSessionMatches[]>;
}

/** First response times: per agent and (without `agentId`) the team's. */
export interface FirstResponseFigures {
  totals: DurationFigures | null;
  agents: Array<{ agent_id: string; agent_name: string; figures: DurationFigures }>;
}

export interface FirstResponseRepository {
  /** For sessions opened in the period: the time to the first reply of staff (never a note), by who replied. */
  firstResponses(range: ReportRange, agentId?: string): Promise<FirstResponseFigures>;
}
