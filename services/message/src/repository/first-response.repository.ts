import type { Knex } from 'knex';
import type { DurationFigures } from '@parley/contracts';
import type { FirstResponseRepository } from '../domain/message-search.ports';

interface Row {
  agent_id: string | null;
  agent_name: string | null;
  everyone: boolean;
  count: string;
  p50: number | null;
  p90: number | null;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
const figures = (row?: Row): DurationFigures =>
  row && Number(row.count) > 0 ? { count: Number(row.count), p50_seconds: round(row.p50), p90_seconds: round(row.p90) } : { count: 0, p50_seconds: null, p90_seconds: null };

/**
 * First responses in one statement: the sessions opened in the period (message_sessions by
 * opened_at), for each its first message by staff that is not a note (the session's messages in
 * seq order on chat_messages_session_seq_key, stopping at the first), grouped by who wrote it and
 * for everyone at once.
 */
export function createFirstResponseRepository(knex: Knex): FirstResponseRepository {
  return {
    async firstResponses(range, agentId) {
      const { rows } = await knex.raw<{ rows: Row[] }>(
        `select f.sender_id as agent_id, max(f.sender_name) as agent_name, grouping(f.sender_id) = 1 as everyone, count(*) as count,
                percentile_cont(0.5) within group (order by f.seconds) as p50, percentile_cont(0.9) within group (order by f.seconds) as p90
         from (
           select r.sender_id, r.sender_name, extract(epoch from r.created_at - s.opened_at) as seconds
           from message_sessions s
           cross join lateral (
             select m.sender_id, m.sender_name, m.created_at from chat_messages m
             where m.session_id = s.session_id and m.sender_role in ('support', 'admin') and m.message_type <> 'note'
             order by m.seq limit 1
           ) r
           where s.opened_at >= :from and s.opened_at < :to
         ) f
         ${agentId === undefined ? '' : 'where f.sender_id = :agentId'}
         group by grouping sets ((), (f.sender_id))`,
        agentId === undefined ? range : { ...range, agentId },
      );
      const everyone = rows.find((r) => r.everyone);
      return {
        totals: figures(everyone),
        agents: rows
          .filter((r): r is Row & { agent_id: string } => !r.everyone && r.agent_id !== null)
          .map((r) => ({ agent_id: r.agent_id, agent_name: r.agent_name ?? '', figures: figures(r) }))
          .sort((a, b) => a.agent_name.localeCompare(b.agent_name) || a.agent_id.localeCompare(b.agent_id)),
      };
    },
  };
}
