import { isRequester, isStaff, searchQuerySchema, seesNotes, searchWords, validate, type Identity, type SearchMatch } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';
import type { MessageSearchRepository } from './message-search.ports';
import { unmark } from './search-snippet';

export interface SearchPage {
  sessions: Array<{ session_id: string; match_count: number; matches: SearchMatch[] }>;
  has_more: boolean;
}

/**
 * Full-text search over messages. Staff search every session (notes included); a customer or
 * restaurant only their own sessions and never a note. System lines are never matched.
 */
export function createMessageSearchService({ search }: { search: MessageSearchRepository }) {
  return {
    async search(identity: Identity, query: unknown): Promise<SearchPage> {
      const input = validate(searchQuerySchema, query ?? {});
      const requester = isRequester(identity.role);
      if (!requester && !isStaff(identity.role)) throw permissionDenied('Only users search their chats');
      const found = await search.search({
        words: searchWords(input.q),
        status: input.status,
        requesterId: requester ? identity.userId : undefined,
        includeNotes: seesNotes(identity.role),
        // One more than asked: whether another page exists.
        limit: input.limit + 1,
        offset: input.offset,
      });
      return {
        sessions: found.slice(0, input.limit).map((s) => ({ ...s, matches: s.matches.map(({ marked, ...match }) => ({ ...match, ...unmark(marked) })) })),
        has_more: found.length > input.limit,
      };
    },
  };
}

export type MessageSearchService = ReturnType<typeof createMessageSearchService>;
