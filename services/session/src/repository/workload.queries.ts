import type { Knex } from 'knex';
import type { Workload } from '@parley/contracts';

/**
 * The queue and every agent's active chats, in one round trip: the waiting count and oldest
 * opening from the queue's index, the loads from the active chats' partial index.
 */
const WORKLOAD_SQL = `
  select (select count(*) from chat_sessions where status = 'waiting') as waiting,
         (select min(created_at) from chat_sessions where status = 'waiting') as oldest,
         coalesce((select json_agg(a order by a.agent_name, a.agent_id)
                   from (select agent_id, max(agent_name) as agent_name, count(*)::int as active_chats
                         from chat_sessions where status = 'active' and agent_id is not null group by agent_id) a), '[]'::json) as agents`;

interface WorkloadRow {
  waiting: string;
  oldest: Date | null;
  agents: Array<{ agent_id: string; agent_name: string | null; active_chats: number }>;
}

/** The workload now; `version` from the queue's sequence when read in a change's transaction, 0 otherwise. */
export async function readWorkload(db: Knex | Knex.Transaction, withVersion = false): Promise<Workload> {
  // One connection in a transaction: one query after the other.
  const version = withVersion ? Number((await db.raw<{ rows: { v: string }[] }>(`select nextval('session_queue_version') as v`)).rows[0].v) : 0;
  const { rows } = await db.raw<{ rows: WorkloadRow[] }>(WORKLOAD_SQL);
  const [row] = rows;
  return {
    version,
    waiting: Number(row.waiting),
    oldest_waiting_since: row.oldest ? row.oldest.toISOString() : null,
    agents: row.agents.map((a) => ({ agent_id: a.agent_id, agent_name: a.agent_name ?? '', active_chats: a.active_chats })),
  };
}
