import { z } from 'zod';
import { text } from './api-schemas';
import { SESSION_STATUSES, type ChatSession } from './session';
import type { MessageType } from './message';

export const SEARCH_LIMITS = {
  queryMaxLength: 200,
  /** Words of a query beyond this many are ignored. */
  maxWords: 8,
  defaultLimit: 20,
  maxLimit: 50,
  maxOffset: 1000,
  /** The latest matching messages shown per session. */
  matchesPerSession: 3,
} as const;

/** The words of a search: letters and digits in lower case, each once, in the order typed. */
export function searchWords(q: string): string[] {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, SEARCH_LIMITS.maxWords);
}

/** GET /search: `q` (words in any order, each also a prefix), optional `status`, paging over sessions. */
export const searchQuerySchema = z.strictObject({
  q: text('q', SEARCH_LIMITS.queryMaxLength).refine((q) => searchWords(q).length > 0, { message: 'q must hold at least one word (letters or digits)' }),
  status: z.enum(SESSION_STATUSES, { message: `status must be one of ${SESSION_STATUSES.join(', ')}` }).optional(),
  limit: z.coerce.number({ message: 'limit must be a number' }).int().min(1).max(SEARCH_LIMITS.maxLimit).default(SEARCH_LIMITS.defaultLimit),
  offset: z.coerce.number({ message: 'offset must be a number' }).int().min(0).max(SEARCH_LIMITS.maxOffset).default(0),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** A message that matched, with a short excerpt around the words found. */
export interface SearchMatch {
  message_id: string;
  seq: number;
  sender_id: string;
  sender_name: string;
  sender_role: string;
  message_type: MessageType | 'note';
  created_at: string;
  /** Plain text (never HTML): an excerpt of the message around the words found. */
  snippet: string;
  /** Where the words found are in `snippet`: `[start, end)` offsets in UTF-16 code units, in order. */
  highlights: Array<[number, number]>;
}

/** A session with matches, newest match first; sessions come by their newest match. */
export interface SessionSearchResult {
  session: ChatSession;
  /** Every message of the session that matched. */
  match_count: number;
  /** The latest few of them (SEARCH_LIMITS.matchesPerSession). */
  matches: SearchMatch[];
}
