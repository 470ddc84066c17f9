import type { Knex } from 'knex';
import type { Outbox } from '@parley/bus';
import { STAFF_ROLES, type AgentState, type Availability, type OnlineAgent, type Participant } from '@parley/contracts';
import { CommitWith, type PipelinedTransaction } from '@parley/db';
import { AtCommit, type Connection, type PresenceRepository, type PresenceStore, type Registry } from '../domain/presence.ports';
import { APPLY_CHANGES_SQL, LOCK_USERS_SQL, PARTICIPANTS_SQL, REGISTRY_SQL } from './registry.sql';

/**
 * Errors after which a transaction is simply run again, having written nothing: a deadlock, a
 * socket id another user's transaction registered first, or a gateway released (deleted) between
 * the read of its lease and the registration of its socket.
 */
function isRetryable(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (code === '40P01' || code === '40001') return true;
  return (code === '23505' && constraint === 'presence_connections_pkey') || (code === '23503' && constraint === 'presence_connections_gateway_id_foreign');
}
const MAX_TRIES = 5;

/**
 * presence_gateways, presence_connections and presence_memberships (typing_indicators: typing.repository.ts); events go
 * to presence_outbox in the same transaction and are published after the commit. A transaction's
 * statements are pipelined (`outbox.pipelined`): what the domain asks for side by side travels in
 * one round trip, and the outbox insert leaves with the COMMIT.
 */
export function createPresenceRepository(knex: Knex, outbox: Outbox): PresenceRepository {
  return {
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await outbox.pipelined(async (trx, record) => {
            const result = await work(createStore(knex, trx, async (events) => record(events)));
            return result instanceof AtCommit ? new CommitWith(result.value) : result;
          });
        } catch (error) {
          if (!isRetryable(error) || attempt >= MAX_TRIES) throw error;
        }
      }
    },
  };
}

function createStore(knex: Knex, trx: PipelinedTransaction, record: PresenceStore['record']): PresenceStore {
  const lockUsers = async (userIds: string[]) => {
    if (userIds.length > 0) await trx.query(knex.raw(LOCK_USERS_SQL, [userIds]), 'presence-lock-users');
  };
  return {
    record,
    lockUsers,
    lockUser: (userId) => lockUsers([userId]),

    async renewLease(gatewayId, now, until) {
      // No key update: the sockets being registered meanwhile (their foreign key takes a key share
      // lock on this row) do not wait for the renewal, nor it for them.
      const [[current]] = await Promise.all([
        trx.query<{ lease_expires_at: Date }>(knex('presence_gateways').where({ gateway_id: gatewayId }).forNoKeyUpdate().select('lease_expires_at')),
        trx.query(
          knex('presence_gateways')
            .insert({ gateway_id: gatewayId, lease_expires_at: until })
            .onConflict('gateway_id')
            .merge({ lease_expires_at: knex.raw('greatest(presence_gateways.lease_expires_at, excluded.lease_expires_at)') }),
        ),
      ]);
      return current !== undefined && current.lease_expires_at > now;
    },

    async expiredGateways(now) {
      const rows = await trx.query<{ gateway_id: string }>(knex('presence_gateways').where('lease_expires_at', '<', now).select('gateway_id'));
      return rows.map((r) => r.gateway_id);
    },

    async deleteGateway(gatewayId, expiredAt) {
      const query = knex('presence_gateways').where({ gateway_id: gatewayId });
      if (expiredAt) query.andWhere('lease_expires_at', '<', expiredAt);
      await trx.query(query.delete());
    },

    socketsOfGateway: (gatewayId) => trx.query<Connection>(knex('presence_connections').where({ gateway_id: gatewayId }).select('socket_id', 'gateway_id', 'user_id', 'user_role', 'user_name')),

    async registry(userIds, socketIds, gatewayIds, now): Promise<Registry> {
      const [row] = await trx.query<{ sockets: Registry['sockets']; live_gateways: string[] }>(knex.raw(REGISTRY_SQL, [userIds, socketIds, gatewayIds, now]), 'presence-registry');
      return { sockets: row.sockets, liveGateways: row.live_gateways };
    },

    async applyChanges(changes) {
      const { added, joined, left } = changes;
      await trx.query(
        knex.raw(APPLY_CHANGES_SQL, [
        changes.leaseUntil,
        changes.leases,
        added.map((c) => c.socket_id),
        added.map((c) => c.gateway_id),
        added.map((c) => c.user_id),
        added.map((c) => c.user_role),
        added.map((c) => c.user_name),
        changes.dropped,
        left.map((m) => m.socket_id),
        left.map((m) => m.session_id),
        joined.map((m) => m.socket_id),
        joined.map((m) => m.session_id),
        joined.map((m) => m.user_id),
        changes.agentsOnline.map((a) => a.agent_id),
        changes.agentsOnline.map((a) => a.agent_name),
          changes.agentsOffline,
        ]),
        'presence-apply-changes',
      );
    },

    async getConnection(socketId) {
      const [row] = await trx.query<Connection>(knex('presence_connections').where({ socket_id: socketId }).select('socket_id', 'gateway_id', 'user_id', 'user_role', 'user_name').limit(1));
      return row ?? null;
    },

    async isMember(socketId, sessionId) {
      return (await trx.query(knex('presence_memberships').where({ socket_id: socketId, session_id: sessionId }).select('socket_id').limit(1))).length > 0;
    },

    async participantsOf(sessionIds) {
      const rows = await trx.query<Participant & { session_id: string }>(knex.raw(PARTICIPANTS_SQL, [sessionIds]), 'presence-participants');
      const bySession = new Map<string, Participant[]>(sessionIds.map((id) => [id, []]));
      for (const { session_id, ...participant } of rows) bySession.get(session_id)?.push(participant);
      return bySession;
    },

    async onlineAgents() {
      const rows = await trx.query<Omit<OnlineAgent, 'online_since' | 'connections'> & { online_since: Date; connections: string }>(
        knex.raw(
          `select c.user_id, min(c.user_role) as role, min(c.user_name) as name, count(distinct c.socket_id) as connections,
                coalesce(array_agg(distinct m.session_id::text) filter (where m.session_id is not null), '{}') as session_ids,
                min(c.connected_at) as online_since, coalesce(min(a.availability), 'available') as availability
         from presence_connections c left join presence_memberships m on m.socket_id = c.socket_id
         left join agent_states a on a.agent_id = c.user_id
         where c.user_role = any(?::text[])
         group by c.user_id order by min(c.connected_at)`,
          [[...STAFF_ROLES]],
        ),
      );
      return rows.map((r) => ({ ...r, connections: Number(r.connections), online_since: r.online_since.toISOString() }));
    },

    async setAvailability(agentId, agentName, status: Availability) {
      await trx.query(
        knex('agent_states')
          .insert({ agent_id: agentId, agent_name: agentName, availability: status })
          .onConflict('agent_id')
          .merge({ agent_name: agentName, availability: status, updated_at: knex.fn.now() }),
      );
    },

    async agentStates() {
      // An agent with a socket open is online whatever the row says (a reaped gateway's agent
      // reconnecting elsewhere); one seen before and gone is offline since their last socket went.
      const rows = await trx.query<Omit<AgentState, 'offline_since'> & { offline_since: Date | null }>(
        knex.raw(`select coalesce(a.agent_id, c.user_id) as agent_id, coalesce(c.user_name, a.agent_name) as agent_name,
                c.user_id is not null as online, coalesce(a.availability, 'available') as availability,
                case when c.user_id is null then a.offline_since end as offline_since
         from agent_states a
         full join (select user_id, min(user_name) as user_name from presence_connections where user_role = 'support' group by user_id) c
           on c.user_id = a.agent_id
         order by 1`),
      );
      return rows.map((r) => ({ ...r, offline_since: r.offline_since ? r.offline_since.toISOString() : null }));
    },
  };
}
