import type { Knex } from 'knex';
import type { ActiveAssignment, AgentLoad, AssignmentRepository } from '../domain/assignment.ports';

/** The assigner's reads of chat_sessions, and its lock (one pass at a time over every instance). */
export function createAssignmentRepository(knex: Knex): AssignmentRepository {
  return {
    async exclusively(work) {
      // The lock lives as long as this transaction; the pass writes on other connections meanwhile.
      return knex.transaction(async (trx) => {
        const { rows } = await trx.raw<{ rows: { locked: boolean }[] }>(`select pg_try_advisory_xact_lock(hashtext('parley-session-assigner')) as locked`);
        return rows[0].locked ? work() : null;
      });
    },

    async loads(agentIds) {
      const loads = new Map<string, AgentLoad>();
      if (agentIds.length === 0) return loads;
      const { rows } = await knex.raw<{ rows: { agent_id: string; active: string; last_assigned_at: Date | null }[] }>(
        `select agent_id, count(*) filter (where status = 'active') as active, max(accepted_at) as last_assigned_at
         from chat_sessions where agent_id = any(?::text[]) group by agent_id`,
        [agentIds],
      );
      for (const r of rows) loads.set(r.agent_id, { active: Number(r.active), last_assigned_at: r.last_assigned_at?.getTime() ?? 0 });
      return loads;
    },

    async activeAssignments() {
      // Since the last lifecycle change of an active chat: its accept, transfer or reopen.
      const rows = await knex('chat_sessions')
        .where({ status: 'active' })
        .whereNotNull('agent_id')
        .select<{ id: string; agent_id: string; agent_name: string | null; updated_at: Date }[]>('id', 'agent_id', 'agent_name', 'updated_at');
      return rows.map((r): ActiveAssignment => ({ session_id: r.id, agent_id: r.agent_id, agent_name: r.agent_name ?? '', since: r.updated_at.toISOString() }));
    },
  };
}
