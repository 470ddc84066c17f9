import { bucketOf, isStaff, reportQuerySchema, validate, type Identity, type Workload } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';
import type { SessionReport, SessionReportRepository } from './session-report.ports';

/** Figures for supervisors: admins see the team's, a support agent only their own. */
export function createSessionReportService({ reports }: { reports: SessionReportRepository }) {
  return {
    async report(identity: Identity, query: unknown): Promise<SessionReport> {
      const range = validate(reportQuerySchema, query ?? {});
      if (identity.role === 'support') {
        const [own] = await reports.agents(range, identity.userId);
        return { totals: null, agents: [{ ...own, agent_name: own.agent_name || identity.name }], timeline: [] };
      }
      if (identity.role !== 'admin') throw permissionDenied('Reports are for admins, and for support agents about themselves');
      const [totals, agents, timeline] = await Promise.all([reports.totals(range), reports.agents(range), reports.timeline(range, bucketOf(range))]);
      return { totals, agents, timeline };
    },

    /** The queue and every agent's load now: for staff and Parley's services. */
    async workload(identity: Identity): Promise<Workload> {
      if (identity.role !== 'service' && !isStaff(identity.role)) throw permissionDenied('Only staff see the workload');
      return reports.workload();
    },
  };
}

export type SessionReportService = ReturnType<typeof createSessionReportService>;
