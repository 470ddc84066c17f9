import {
  durationFromProto,
  ratingFiguresFromProto,
  ratingFromProto,
  sessionFromProto,
  timelineFromProto,
  workloadFromProto,
  type CannedResponseClient,
  type MessageSearchClient,
  type PresenceClient,
  type RatingClient,
  type SessionClient,
  type SessionReportClient,
} from '@parley/grpc';
import type { Availability, MessageType } from '@parley/contracts';
import type { SupportApis } from '../domain/support.ports';

export interface SupportClients {
  sessions: SessionClient;
  cannedResponses: CannedResponseClient;
  ratings: RatingClient;
  sessionReports: SessionReportClient;
  messageSearch: MessageSearchClient;
  presence: PresenceClient;
}

/** The gateway's ports for canned responses, ratings, search and reports, over the services' gRPC clients. */
export function createSupportApis(clients: SupportClients): SupportApis {
  return {
    cannedResponses: {
      list: (caller) => clients.cannedResponses.list(caller),
      create: (caller, input) => clients.cannedResponses.create(input, caller),
      update: (caller, id, patch) =>
        clients.cannedResponses.update(
          {
            id,
            has_shortcut: patch.shortcut !== undefined,
            shortcut: patch.shortcut ?? '',
            has_title: patch.title !== undefined,
            title: patch.title ?? '',
            has_content: patch.content !== undefined,
            content: patch.content ?? '',
            has_shared: patch.shared !== undefined,
            shared: patch.shared ?? false,
          },
          caller,
        ),
      remove: (caller, id) => clients.cannedResponses.delete(id, caller),
    },
    ratings: {
      rate: async (caller, sessionId, input) => ratingFromProto(await clients.ratings.rate({ session_id: sessionId, score: input.score, comment: input.comment ?? '' }, caller)),
      get: async (caller, sessionId) => {
        const rating = await clients.ratings.get(sessionId, caller);
        return rating ? ratingFromProto(rating) : null;
      },
    },
    search: {
      search: async (caller, query) => {
        const page = await clients.messageSearch.searchMessages({ q: query.q, status: query.status ?? '', limit: query.limit, offset: query.offset }, caller);
        return {
          has_more: page.has_more,
          sessions: page.sessions.map((s) => ({
            session_id: s.session_id,
            match_count: s.match_count,
            matches: s.matches.map((m) => ({ ...m, message_type: m.message_type as MessageType, highlights: m.highlights.map((h): [number, number] => [h.start, h.end]) })),
          })),
        };
      },
      sessions: async (caller, ids) => (await clients.sessions.findSessions(ids, caller)).map(sessionFromProto),
    },
    reports: {
      sessionFigures: async (caller, range) => {
        const report = await clients.sessionReports.report(range, caller);
        const totals = report.has_totals && report.totals ? report.totals : null;
        return {
          totals: totals && { opened: totals.opened, resolved: totals.resolved, waiting: totals.waiting, resolution: durationFromProto(totals.resolution), rating: ratingFiguresFromProto(totals.rating) },
          agents: report.agents.map((a) => ({ agent_id: a.agent_id, agent_name: a.agent_name, assigned: a.assigned, resolved: a.resolved, resolution: durationFromProto(a.resolution), rating: ratingFiguresFromProto(a.rating) })),
          timeline: report.timeline.map(timelineFromProto),
        };
      },
      firstResponses: async (caller, range) => {
        const report = await clients.messageSearch.firstResponses(range, caller);
        return {
          totals: report.has_totals ? durationFromProto(report.totals) : null,
          agents: report.agents.map((a) => ({ agent_id: a.agent_id, agent_name: a.agent_name, figures: durationFromProto(a.figures) })),
        };
      },
      workload: async (caller) => workloadFromProto(await clients.sessionReports.workload(caller)),
      agentStates: async (caller) =>
        (await clients.presence.listAgentStates(caller)).agents.map((a) => ({ ...a, availability: a.availability as Availability, offline_since: a.offline_since || null })),
    },
  };
}
