import { durationToProto, ratingFiguresToProto, timelineToProto, unary, workloadToProto, type SessionReportServiceHandlers } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { SessionAgentFigures } from '../domain/session-report.ports';
import type { SessionReportService } from '../domain/session-report.service';

const agentToProto = (agent: SessionAgentFigures) => ({ ...agent, resolution: durationToProto(agent.resolution), rating: ratingFiguresToProto(agent.rating) });

export function createSessionReportGrpcHandlers(service: SessionReportService, logger: Logger): SessionReportServiceHandlers {
  return {
    GetSessionReport: unary(logger, async (request, { identity }) => {
      const report = await service.report(identity, { ...(request.from ? { from: request.from } : {}), ...(request.to ? { to: request.to } : {}) });
      return {
        has_totals: report.totals !== null,
        totals: report.totals ? { ...report.totals, resolution: durationToProto(report.totals.resolution), rating: ratingFiguresToProto(report.totals.rating) } : undefined,
        agents: report.agents.map(agentToProto),
        timeline: report.timeline.map(timelineToProto),
      };
    }),
    GetWorkload: unary(logger, async (_request, { identity }) => workloadToProto(await service.workload(identity))),
  };
}
