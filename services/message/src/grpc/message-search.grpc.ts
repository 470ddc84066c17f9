import { durationToProto, unary, type MessageReportServiceHandlers, type MessageSearchServiceHandlers } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { FirstResponseService } from '../domain/first-response.service';
import type { MessageSearchService } from '../domain/message-search.service';

export function createMessageSearchGrpcHandlers(service: MessageSearchService, logger: Logger): MessageSearchServiceHandlers {
  return {
    SearchMessages: unary(logger, async (request, { identity }) => {
      const page = await service.search(identity, {
        q: request.q,
        ...(request.status ? { status: request.status } : {}),
        ...(request.limit ? { limit: request.limit } : {}),
        offset: request.offset,
      });
      return {
        has_more: page.has_more,
        sessions: page.sessions.map((s) => ({ ...s, matches: s.matches.map((m) => ({ ...m, highlights: m.highlights.map(([start, end]) => ({ start, end })) })) })),
      };
    }),
  };
}

export function createMessageReportGrpcHandlers(service: FirstResponseService, logger: Logger): MessageReportServiceHandlers {
  return {
    GetFirstResponses: unary(logger, async (request, { identity }) => {
      const report = await service.firstResponses(identity, { ...(request.from ? { from: request.from } : {}), ...(request.to ? { to: request.to } : {}) });
      return {
        has_totals: report.totals !== null,
        totals: report.totals ? durationToProto(report.totals) : undefined,
        agents: report.agents.map((a) => ({ agent_id: a.agent_id, agent_name: a.agent_name, figures: durationToProto(a.figures) })),
      };
    }),
  };
}
