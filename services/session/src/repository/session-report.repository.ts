import type { Knex } from 'knex';
import type { DurationFigures, RatingFigures, ReportRange, TimelineBucket } from '@parley/contracts';
import type { SessionAgentFigures, SessionReportRepository } from '../domain/session-report.ports';
import { readWorkload } from './workload.queries';

/** Percentiles of a duration in seconds, as SQL select items. */
const percentiles = (seconds: string) =>
  `count(*) as count, percentile_cont(0.5) within group (order by ${seconds}) as p50, percentile_cont(0.9) within group (order by ${seconds}) as p90`;
const RESOLUTION = percentiles('extract(epoch from resolved_at - created_at)');

interface DurationRow {
  count: string;
  p50: number | null;
  p90: number | null;
}
interface RatingRow {
  count: string;
  average: string | null;
}
type Grouped<T> = T & { agent_id: string | null; agent_name: string | null; everyone: boolean };

const round = (value: number | string | null, digits: number) => (value === null ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits);
const duration = (row?: DurationRow): DurationFigures =>
  row && Number(row.count) > 0 ? { count: Number(row.count), p50_seconds: round(row.p50, 3), p90_seconds: round(row.p90, 3) } : { count: 0, p50_seconds: null, p90_seconds: null };
const rating = (row?: RatingRow): RatingFigures => (row && Number(row.count) > 0 ? { count: Number(row.count), average: round(row.average, 2) } : { count: 0, average: null });

/**
 * The reports' statements. Each reads one period through an index of its own (chats opened,
 * accepted, resolved; ratings given) and groups in SQL: the team's row and each agent's at once
 * (`grouping sets`), so nothing is counted in the service.
 */
export function createSessionReportRepository(knex: Knex): SessionReportRepository {
  const byAgent = (agentId?: string) => (agentId === undefined ? '' : 'and agent_id = :agentId');
  const bindings = (range: ReportRange, agentId?: string) => (agentId === undefined ? range : { ...range, agentId });

  async function resolutions(range: ReportRange, agentId?: string): Promise<Array<Grouped<DurationRow>>> {
    const { rows } = await knex.raw(
      `select agent_id, max(agent_name) as agent_name, grouping(agent_id) = 1 as everyone, ${RESOLUTION}
       from chat_sessions where resolved_at >= :from and resolved_at < :to ${byAgent(agentId)}
       group by grouping sets ((), (agent_id))`,
      bindings(range, agentId),
    );
    return rows;
  }

  async function ratings(range: ReportRange, agentId?: string): Promise<Array<Grouped<RatingRow>>> {
    const { rows } = await knex.raw(
      `select agent_id, max(agent_name) as agent_name, grouping(agent_id) = 1 as everyone, count(*) as count, avg(score) as average
       from chat_session_ratings where created_at >= :from and created_at < :to ${byAgent(agentId)}
       group by grouping sets ((), (agent_id))`,
      bindings(range, agentId),
    );
    return rows;
  }

  async function assignments(range: ReportRange, agentId?: string): Promise<Array<{ agent_id: string; agent_name: string | null; assigned: string }>> {
    const { rows } = await knex.raw(
      `select agent_id, max(agent_name) as agent_name, count(*) as assigned
       from chat_sessions where accepted_at >= :from and accepted_at < :to and agent_id is not null ${byAgent(agentId)}
       group by agent_id`,
      bindings(range, agentId),
    );
    return rows;
  }

  return {
    async totals(range) {
      const [{ rows: opened }, resolved, rated] = await Promise.all([
        knex.raw<{ rows: Array<{ opened: string; waiting: string }> }>(
          `select count(*) as opened, count(*) filter (where status = 'waiting') as waiting from chat_sessions where created_at >= :from and created_at < :to`,
          range,
        ),
        resolutions(range),
        ratings(range),
      ]);
      const everyone = <T extends { everyone: boolean }>(rows: T[]) => rows.find((r) => r.everyone);
      return {
        opened: Number(opened[0].opened),
        waiting: Number(opened[0].waiting),
        resolved: Number(everyone(resolved)?.count ?? 0),
        resolution: duration(everyone(resolved)),
        rating: rating(everyone(rated)),
      };
    },

    async agents(range, agentId) {
      const [assigned, resolved, rated] = await Promise.all([assignments(range, agentId), resolutions(range, agentId), ratings(range, agentId)]);
      const rows = new Map<string, SessionAgentFigures>();
      const row = (id: string, name: string | null) => {
        const found = rows.get(id) ?? { agent_id: id, agent_name: '', assigned: 0, resolved: 0, resolution: duration(), rating: rating() };
        found.agent_name ||= name ?? '';
        rows.set(id, found);
        return found;
      };
      if (agentId !== undefined) row(agentId, null);
      assigned.forEach((r) => (row(r.agent_id, r.agent_name).assigned = Number(r.assigned)));
      for (const r of resolved) {
        if (r.everyone || r.agent_id === null) continue;
        Object.assign(row(r.agent_id, r.agent_name), { resolved: Number(r.count), resolution: duration(r) });
      }
      for (const r of rated) if (!r.everyone && r.agent_id !== null) row(r.agent_id, r.agent_name).rating = rating(r);
      return [...rows.values()].sort((a, b) => a.agent_name.localeCompare(b.agent_name) || a.agent_id.localeCompare(b.agent_id));
    },

    async timeline(range, bucket) {
      const step = bucket === 'hour' ? '1 hour' : '1 day';
      const { rows } = await knex.raw<{ rows: Array<{ start: Date; opened: string; resolved: string; wait: number | null }> }>(
        `select b.start, coalesce(o.opened, 0) as opened, coalesce(r.resolved, 0) as resolved, o.wait
         from generate_series(cast(:from as timestamptz), cast(:to as timestamptz) - interval '1 microsecond', cast(:step as interval)) as b(start)
         left join (select date_bin(cast(:step as interval), created_at, cast(:from as timestamptz)) as start, count(*) as opened,
                           avg(extract(epoch from accepted_at - created_at)) as wait
                    from chat_sessions where created_at >= :from and created_at < :to group by 1) o using (start)
         left join (select date_bin(cast(:step as interval), resolved_at, cast(:from as timestamptz)) as start, count(*) as resolved
                    from chat_sessions where resolved_at >= :from and resolved_at < :to group by 1) r using (start)
         order by b.start`,
        { ...range, step },
      );
      return rows.map((r): TimelineBucket => ({ start: r.start.toISOString(), opened: Number(r.opened), resolved: Number(r.resolved), average_wait_seconds: round(r.wait, 1) }));
    },

    workload: () => readWorkload(knex),
  };
}
