import type { Knex } from 'knex';
import type { OutboxRelay, OutboxRepository } from '@parley/bus';
import { STAFF_ROLES, type AgentState, type Availability, type OnlineAgent, type Participant } from '@parley/contracts';
import type { Connection, PresenceRepository, PresenceStore, TypingIndicator } from '../domain/presence.ports';

/** presence_gateways, presence_connections, presence_memberships, typing_indicators and presence_outbox. */
export function createPresenceRepository(knex: Knex, outbox: OutboxRepository, relay: OutboxRelay): PresenceRepository {
  return {
    async transaction(work) {
      let recorded = false;
      const result = await knex.transaction(async (trx) => {
        const store = createStore(trx, async (events) => {
          if (events.length === 0) return;
          recorded = true;
          await outbox.add(trx, events);
        });
        return work(store);
      });
      if (recorded) relay.notify();
      return result;
    },
  };
}

function createStore(trx: Knex.Transaction, record: PresenceStore['record']): PresenceStore {
  return {
    record,

    async lockUser(userId) {
      await trx.raw(`select pg_advisory_xact_lock(hashtext('presence-user'), hashtext(?))`, [userId]);
    },

    async renewLease(gatewayId, now, until) {
      // No key update: the sockets being registered meanwhile (their foreign key takes a key share
      // lock on this row) do not wait for the renewal, nor it for them.
      const current = await trx('presence_gateways').where({ gateway_id: gatewayId }).forNoKeyUpdate().first<{ lease_expires_at: Date } | undefined>('lease_expires_at');
      await trx('presence_gateways')
        .insert({ gateway_id: gatewayId, lease_expires_at: until })
        .onConflict('gateway_id')
        .merge({ lease_expires_at: trx.raw('greatest(presence_gateways.lease_expires_at, excluded.lease_expires_at)') });
      return current !== undefined && current.lease_expires_at > now;
    },

    async socketAndLease(socketId, gatewayId, now) {
      const { rows } = await trx.raw<{ rows: Array<{ connection: Connection | null; lease_live: boolean }> }>(
        `select (select json_build_object('socket_id', socket_id, 'gateway_id', gateway_id, 'user_id', user_id, 'user_role', user_role, 'user_name', user_name)
                   from presence_connections where socket_id = ?) as connection,
                exists (select 1 from presence_gateways where gateway_id = ? and lease_expires_at > ?) as lease_live`,
        [socketId, gatewayId, now],
      );
      return { connection: rows[0].connection, leaseLive: rows[0].lease_live };
    },

    async expiredGateways(now) {
      const rows = await trx('presence_gateways').where('lease_expires_at', '<', now).select<{ gateway_id: string }[]>('gateway_id');
      return rows.map((r) => r.gateway_id);
    },

    async deleteGateway(gatewayId, expiredAt) {
      const query = trx('presence_gateways').where({ gateway_id: gatewayId });
      if (expiredAt) query.andWhere('lease_expires_at', '<', expiredAt);
      await query.delete();
    },

    socketsOfGateway: (gatewayId) => trx<Connection>('presence_connections').where({ gateway_id: gatewayId }).select('socket_id', 'gateway_id', 'user_id', 'user_role', 'user_name'),

    async saveConnection(c) {
      await trx('presence_connections').insert(c).onConflict('socket_id').merge(['gateway_id', 'user_id', 'user_role', 'user_name']);
    },

    async getConnection(socketId) {
      const row = await trx<Connection>('presence_connections').where({ socket_id: socketId }).first('socket_id', 'gateway_id', 'user_id', 'user_role', 'user_name');
      return row ?? null;
    },

    async deleteConnection(socketId) {
      await trx('presence_connections').where({ socket_id: socketId }).delete();
    },

    async sessionsOf(socketId) {
      const rows = await trx('presence_memberships').where({ socket_id: socketId }).select<{ session_id: string }[]>('session_id');
      return rows.map((r) => r.session_id);
    },

    async addMembership(socketId, sessionId, userId) {
      // The outer count reads the table as it was before the insert (a data-modifying CTE's rows are
      // not visible to the rest of its statement): the user's sockets there before this one.
      const { rows } = await trx.raw<{ rows: Array<{ added: number; before: number }> }>(
        `with inserted as (
           insert into presence_memberships (socket_id, session_id, user_id) values (?, ?, ?)
           on conflict (socket_id, session_id) do nothing returning 1
         )
         select (select count(*) from inserted)::int as added,
                (select count(*) from presence_memberships where session_id = ? and user_id = ?)::int as before`,
        [socketId, sessionId, userId, sessionId, userId],
      );
      const { added, before } = rows[0];
      return { added: added > 0, firstOfUser: added > 0 && before === 0 };
    },

    async deleteMembership(socketId, sessionId) {
      // The outer count reads the table as it was before the delete: the deleted row is among them.
      const { rows } = await trx.raw<{ rows: Array<{ removed: number; before: number }> }>(
        `with deleted as (
           delete from presence_memberships where socket_id = ? and session_id = ? returning user_id
         )
         select (select count(*) from deleted)::int as removed,
                (select count(*) from presence_memberships where session_id = ? and user_id = (select user_id from deleted))::int as before`,
        [socketId, sessionId, sessionId],
      );
      const { removed, before } = rows[0];
      return { removed: removed > 0, lastOfUser: removed > 0 && before === 1 };
    },

    async isMember(socketId, sessionId) {
      return (await trx('presence_memberships').where({ socket_id: socketId, session_id: sessionId }).first('socket_id')) !== undefined;
    },

    async participants(sessionId) {
      const { rows } = await trx.raw<{ rows: Participant[] }>(
        `select user_id, role, name from (
           select distinct on (m.user_id) m.user_id, c.user_role as role, c.user_name as name, m.joined_at
           from presence_memberships m join presence_connections c on c.socket_id = m.socket_id
           where m.session_id = ? order by m.user_id, m.joined_at
         ) first_joins order by joined_at, user_id`,
        [sessionId],
      );
      return rows;
    },

    async onlineAgents() {
      const { rows } = await trx.raw<{ rows: Array<Omit<OnlineAgent, 'online_since' | 'connections'> & { online_since: Date; connections: string }> }>(
        `select c.user_id, min(c.user_role) as role, min(c.user_name) as name, count(distinct c.socket_id) as connections,
                coalesce(array_agg(distinct m.session_id::text) filter (where m.session_id is not null), '{}') as session_ids,
                min(c.connected_at) as online_since, coalesce(min(a.availability), 'available') as availability
         from presence_connections c left join presence_memberships m on m.socket_id = c.socket_id
         left join agent_states a on a.agent_id = c.user_id
         where c.user_role = any(?::text[])
         group by c.user_id order by min(c.connected_at)`,
        [[...STAFF_ROLES]],
      );
      return rows.map((r) => ({ ...r, connections: Number(r.connections), online_since: r.online_since.toISOString() }));
    },

    async userConnectionCount(userId) {
      const row = await trx('presence_connections').where({ user_id: userId }).count<{ count: string }[]>('* as count').first();
      return Number(row?.count ?? 0);
    },

    async agentOnline(agentId, agentName) {
      await trx('agent_states')
        .insert({ agent_id: agentId, agent_name: agentName, offline_since: null })
        .onConflict('agent_id')
        .merge({ agent_name: agentName, offline_since: null, updated_at: trx.fn.now() });
    },

    async agentOffline(agentId) {
      await trx('agent_states').where({ agent_id: agentId }).whereNull('offline_since').update({ offline_since: trx.fn.now(), updated_at: trx.fn.now() });
    },

    async setAvailability(agentId, agentName, status: Availability) {
      await trx('agent_states')
        .insert({ agent_id: agentId, agent_name: agentName, availability: status })
        .onConflict('agent_id')
        .merge({ agent_name: agentName, availability: status, updated_at: trx.fn.now() });
    },

    async agentStates() {
      // An agent with a socket open is online whatever the row says (a reaped gateway's agent
      // reconnecting elsewhere); one seen before and gone is offline since their last socket went.
      const { rows } = await trx.raw<{ rows: Array<Omit<AgentState, 'offline_since'> & { offline_since: Date | null }> }>(
        `select coalesce(a.agent_id, c.user_id) as agent_id, coalesce(c.user_name, a.agent_name) as agent_name,
                c.user_id is not null as online, coalesce(a.availability, 'available') as availability,
                case when c.user_id is null then a.offline_since end as offline_since
         from agent_states a
         full join (select user_id, min(user_name) as user_name from presence_connections where user_role = 'support' group by user_id) c
           on c.user_id = a.agent_id
         order by 1`,
      );
      return rows.map((r) => ({ ...r, offline_since: r.offline_since ? r.offline_since.toISOString() : null }));
    },

    async getTyping(sessionId, userId) {
      const row = await trx<TypingIndicator>('typing_indicators').where({ session_id: sessionId, user_id: userId }).first('session_id', 'user_id', 'user_name', 'expires_at');
      return row ?? null;
    },

    async saveTyping(indicator) {
      await trx('typing_indicators')
        .insert({ ...indicator, started_at: trx.fn.now() })
        .onConflict(['session_id', 'user_id'])
        .merge({
          user_name: indicator.user_name,
          expires_at: indicator.expires_at,
          // A new burst of typing after an expired one starts anew.
          started_at: trx.raw('case when typing_indicators.expires_at < now() then now() else typing_indicators.started_at end'),
        });
    },

    async deleteTyping(sessionId, userId) {
      return (await trx('typing_indicators').where({ session_id: sessionId, user_id: userId }).delete()) > 0;
    },

    deleteExpiredTyping: (now) => trx('typing_indicators').where('expires_at', '<', now).delete().returning(['session_id', 'user_id']),
  };
}
