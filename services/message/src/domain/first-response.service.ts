import { reportQuerySchema, validate, type Identity } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';
import type { FirstResponseFigures, FirstResponseRepository } from './message-search.ports';

/** First response times: admins see the team's and every agent's, a support agent only their own. */
export function createFirstResponseService({ reports }: { reports: FirstResponseRepository }) {
  return {
    async firstResponses(identity: Identity, query: unknown): Promise<FirstResponseFigures> {
      const range = validate(reportQuerySchema, query ?? {});
      if (identity.role === 'support') {
        const own = await reports.firstResponses(range, identity.userId);
        return { totals: null, agents: own.agents };
      }
      if (identity.role !== 'admin') throw permissionDenied('Reports are for admins, and for support agents about themselves');
      return reports.firstResponses(range);
    },
  };
}

export type FirstResponseService = ReturnType<typeof createFirstResponseService>;
