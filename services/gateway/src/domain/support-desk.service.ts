import {
  cannedResponseIdSchema,
  createCannedResponseSchema,
  rateSessionBodySchema,
  searchQuerySchema,
  sessionIdSchema,
  updateCannedResponseSchema,
  validate,
  type CannedResponse,
  type SessionRating,
  type SessionSearchResult,
} from '@parley/contracts';
import type { Caller } from './gateway.ports';
import type { CannedResponsesApi, RatingsApi, SearchApi } from './support.ports';

/**
 * Canned responses, ratings and search, whichever transport asked: validated here with the
 * public schemas, decided by the services that own the data.
 */
export function createSupportDeskService({ cannedResponses, ratings, search }: { cannedResponses: CannedResponsesApi; ratings: RatingsApi; search: SearchApi }) {
  return {
    listCannedResponses: (caller: Caller): Promise<CannedResponse[]> => cannedResponses.list(caller),

    createCannedResponse: (caller: Caller, body: unknown): Promise<CannedResponse> => cannedResponses.create(caller, validate(createCannedResponseSchema, body ?? {})),

    async updateCannedResponse(caller: Caller, id: unknown, body: unknown): Promise<CannedResponse> {
      const responseId = validate(cannedResponseIdSchema, id);
      return cannedResponses.update(caller, responseId, validate(updateCannedResponseSchema, body ?? {}));
    },

    deleteCannedResponse: (caller: Caller, id: unknown): Promise<void> => cannedResponses.remove(caller, validate(cannedResponseIdSchema, id)),

    async rate(caller: Caller, sessionId: unknown, body: unknown): Promise<SessionRating> {
      const id = validate(sessionIdSchema, sessionId);
      return ratings.rate(caller, id, validate(rateSessionBodySchema, body ?? {}));
    },

    /** Sessions with matching messages, each as the caller may see it; sessions it may not see are left out. */
    async search(caller: Caller, query: unknown): Promise<{ results: SessionSearchResult[]; has_more: boolean }> {
      const page = await search.search(caller, validate(searchQuerySchema, query ?? {}));
      if (page.sessions.length === 0) return { results: [], has_more: page.has_more };
      const sessions = new Map((await search.sessions(caller, page.sessions.map((s) => s.session_id))).map((s) => [s.id, s]));
      const results = page.sessions.flatMap(({ session_id, match_count, matches }) => {
        const session = sessions.get(session_id);
        return session ? [{ session, match_count, matches }] : [];
      });
      return { results, has_more: page.has_more };
    },
  };
}

export type SupportDeskService = ReturnType<typeof createSupportDeskService>;
