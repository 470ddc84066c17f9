import {
  bucketOf,
  reportQuerySchema,
  validate,
  type AgentFigures,
  type AgentState,
  type DurationFigures,
  type LiveFigures,
  type ReportSummary,
  type Workload,
} from '@parley/contracts';
import type { Caller } from './gateway.ports';
import type { FirstResponses, ReportsApi, SessionFigures } from './support.ports';

const NO_DURATION: DurationFigures = { count: 0, p50_seconds: null, p90_seconds: null };

/** Each agent's row from both services' halves (an agent may have figures in one only). */
function agentsOf(figures: SessionFigures, first: FirstResponses): AgentFigures[] {
  const rows = new Map<string, AgentFigures>();
  for (const a of figures.agents) rows.set(a.agent_id, { ...a, first_response: NO_DURATION });
  for (const a of first.agents) {
    const row = rows.get(a.agent_id) ?? { agent_id: a.agent_id, agent_name: a.agent_name, assigned: 0, resolved: 0, resolution: NO_DURATION, rating: { count: 0, average: null }, first_response: NO_DURATION };
    rows.set(a.agent_id, { ...row, agent_name: row.agent_name || a.agent_name, first_response: a.figures });
  }
  return [...rows.values()].sort((a, b) => a.agent_name.localeCompare(b.agent_name) || a.agent_id.localeCompare(b.agent_id));
}

/** The supervisors' live view: the queue now, and every support agent with their state and load. */
export function liveFiguresOf(workload: Workload, states: AgentState[], now: Date): LiveFigures {
  const loads = new Map(workload.agents.map((a) => [a.agent_id, a]));
  const agents = states.map((s) => ({ agent_id: s.agent_id, agent_name: s.agent_name, online: s.online, availability: s.availability, active_chats: loads.get(s.agent_id)?.active_chats ?? 0 }));
  // An agent with chats whom presence does not know (assigned while never connected) still shows.
  for (const load of workload.agents) {
    if (!states.some((s) => s.agent_id === load.agent_id)) agents.push({ ...load, online: false, availability: 'available' });
  }
  const since = workload.oldest_waiting_since;
  return {
    at: now.toISOString(),
    queue: { waiting: workload.waiting, oldest_waiting_since: since, longest_wait_seconds: since ? Math.max(0, Math.round((now.getTime() - Date.parse(since)) / 1000)) : 0 },
    agents_online: agents.filter((a) => a.online).length,
    agents_available: agents.filter((a) => a.online && a.availability === 'available').length,
    agents: agents.sort((a, b) => a.agent_name.localeCompare(b.agent_name) || a.agent_id.localeCompare(b.agent_id)),
  };
}

/** Reports composed from the services that own the figures: sessions, ratings and timings (session), first responses (message). */
export function createReportsService({ reports, now = () => new Date() }: { reports: ReportsApi; now?: () => Date }) {
  return {
    async summary(caller: Caller, query: unknown): Promise<ReportSummary> {
      const range = validate(reportQuerySchema, query ?? {});
      const [figures, first] = await Promise.all([reports.sessionFigures(caller, range), reports.firstResponses(caller, range)]);
      return {
        ...range,
        bucket: bucketOf(range),
        totals: figures.totals ? { ...figures.totals, first_response: first.totals ?? NO_DURATION } : null,
        agents: agentsOf(figures, first),
        timeline: figures.timeline,
      };
    },

    async live(caller: Caller): Promise<LiveFigures> {
      const [workload, states] = await Promise.all([reports.workload(caller), reports.agentStates(caller)]);
      return liveFiguresOf(workload, states, now());
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
