import type { AgentState, Availability, EventEnvelope, OnlineAgent, Participant } from '@parley/contracts';
import { AtCommit, type Connection, type PresenceRepository, type PresenceStore } from '../domain/presence.ports';

const CONNECTION_COLUMNS = ['socket_id', 'gateway_id', 'user_id', 'user_role', 'user_name'];

const connectionOf = ({ socket_id, gateway_id, user_id, user_role, user_name }: Connection): Connection => ({ socket_id, gateway_id, user_id, user_role, user_name });

interface Membership {
  socket_id: string;
  session_id: string;
  user_id: string;
  order: number;
}

/**
 * The presence tables in memory, for the domain's unit tests. A transaction whose work throws
 * leaves nothing behind: state is copied in and written back only on success, like a rollback.
 */
export class FakePresenceRepository implements PresenceRepository {
  gateways = new Map<string, Date>();
  connections = new Map<string, Connection & { connected_at: Date }>();
  memberships: Membership[] = [];
  agents = new Map<string, { agent_name: string; availability: Availability; offline_since: Date | null }>();
  /** Every event recorded by a committed transaction, in order. */
  readonly events: EventEnvelope[] = [];
  /** The users each transaction locked with `lockUsers`, one entry per transaction that did. */
  readonly lockedUsers: string[][] = [];
  private order = 0;

  async transaction<T>(work: (store: PresenceStore) => Promise<T | AtCommit<T>>): Promise<T> {
    const saved = {
      gateways: new Map(this.gateways),
      connections: new Map(this.connections),
      memberships: [...this.memberships],
      agents: new Map([...this.agents].map(([id, a]) => [id, { ...a }])),
    };
    const recorded: EventEnvelope[] = [];
    try {
      const answer = await work(this.store(recorded));
      const result = answer instanceof AtCommit ? await answer.value : answer;
      this.events.push(...recorded);
      return result;
    } catch (error) {
      Object.assign(this, saved);
      throw error;
    }
  }

  /** The events of one type, as their data. */
  data<T extends EventEnvelope['type']>(type: T): Array<EventEnvelope<T>['data']> {
    return this.events.filter((e) => e.type === type).map((e) => (e as EventEnvelope<T>).data);
  }

  private store(recorded: EventEnvelope[]): PresenceStore {
    return {
      record: async (events) => void recorded.push(...events),
      lockUser: async () => undefined,
      lockUsers: async (userIds) => void this.lockedUsers.push([...new Set(userIds)].sort()),
      renewLease: async (gatewayId, now, until) => {
        const current = this.gateways.get(gatewayId);
        this.gateways.set(gatewayId, current && current > until ? current : until);
        return current !== undefined && current > now;
      },
      expiredGateways: async (now) => [...this.gateways].filter(([, until]) => until < now).map(([id]) => id),
      deleteGateway: async (gatewayId, expiredAt) => {
        const until = this.gateways.get(gatewayId);
        if (!until || (expiredAt && until >= expiredAt)) return;
        this.gateways.delete(gatewayId);
        for (const [id, c] of this.connections) if (c.gateway_id === gatewayId) this.connections.delete(id);
        this.memberships = this.memberships.filter((m) => this.connections.has(m.socket_id));
      },
      socketsOfGateway: async (gatewayId) => [...this.connections.values()].filter((c) => c.gateway_id === gatewayId),
      registry: async (userIds, socketIds, gatewayIds, now) => ({
        sockets: [...this.connections.values()]
          .filter((c) => userIds.includes(c.user_id) || socketIds.includes(c.socket_id))
          .map((c) => ({ ...connectionOf(c), session_ids: this.memberships.filter((m) => m.socket_id === c.socket_id).map((m) => m.session_id) })),
        liveGateways: gatewayIds.filter((g) => (this.gateways.get(g) ?? new Date(0)) > now),
      }),
      applyChanges: async (changes) => {
        for (const gatewayId of changes.leases) {
          const current = this.gateways.get(gatewayId);
          this.gateways.set(gatewayId, current && current > changes.leaseUntil ? current : changes.leaseUntil);
        }
        for (const c of changes.added) {
          // Like the table: a column it does not have is an error, not silently kept; a socket id is registered once.
          const unknown = Object.keys(c).filter((k) => !CONNECTION_COLUMNS.includes(k));
          if (unknown.length > 0) throw new Error(`presence_connections has no column ${unknown.join(', ')}`);
          if (this.connections.has(c.socket_id)) throw new Error(`socket ${c.socket_id} is registered already`);
          if (!this.gateways.has(c.gateway_id)) throw new Error(`gateway ${c.gateway_id} has no lease`);
          this.connections.set(c.socket_id, { ...c, connected_at: new Date() });
        }
        for (const socketId of changes.dropped) this.connections.delete(socketId);
        this.memberships = this.memberships.filter(
          (m) => this.connections.has(m.socket_id) && !changes.left.some((l) => l.socket_id === m.socket_id && l.session_id === m.session_id),
        );
        for (const m of changes.joined) this.memberships.push({ ...m, order: (this.order += 1) });
        for (const { agent_id, agent_name } of changes.agentsOnline) {
          this.agents.set(agent_id, { availability: 'available', ...this.agents.get(agent_id), agent_name, offline_since: null });
        }
        for (const agentId of changes.agentsOffline) {
          const agent = this.agents.get(agentId);
          if (agent && !agent.offline_since) agent.offline_since = new Date();
        }
      },
      getConnection: async (socketId) => {
        const c = this.connections.get(socketId);
        return c ? connectionOf(c) : null;
      },
      isMember: async (socketId, sessionId) => this.memberships.some((m) => m.socket_id === socketId && m.session_id === sessionId),
      participantsOf: async (sessionIds) => {
        const bySession = new Map<string, Map<string, Participant>>(sessionIds.map((id) => [id, new Map()]));
        for (const m of [...this.memberships].sort((a, b) => a.order - b.order)) {
          const c = this.connections.get(m.socket_id);
          const seen = bySession.get(m.session_id);
          if (seen && c && !seen.has(m.user_id)) seen.set(m.user_id, { user_id: c.user_id, role: c.user_role, name: c.user_name });
        }
        return new Map([...bySession].map(([id, seen]) => [id, [...seen.values()]]));
      },
      onlineAgents: async () => {
        const agents = new Map<string, OnlineAgent>();
        for (const c of this.connections.values()) {
          if (c.user_role !== 'support' && c.user_role !== 'admin') continue;
          const availability = this.agents.get(c.user_id)?.availability ?? 'available';
          const agent = agents.get(c.user_id) ?? { user_id: c.user_id, role: c.user_role, name: c.user_name, connections: 0, session_ids: [], online_since: c.connected_at.toISOString(), availability };
          agent.connections += 1;
          for (const m of this.memberships) if (m.socket_id === c.socket_id && !agent.session_ids.includes(m.session_id)) agent.session_ids.push(m.session_id);
          agents.set(c.user_id, agent);
        }
        return [...agents.values()];
      },
      setAvailability: async (agentId, agentName, status) => {
        this.agents.set(agentId, { offline_since: null, ...this.agents.get(agentId), agent_name: agentName, availability: status });
      },
      agentStates: async (): Promise<AgentState[]> => {
        const online = new Map([...this.connections.values()].filter((c) => c.user_role === 'support').map((c) => [c.user_id, c.user_name]));
        const ids = new Set([...this.agents.keys(), ...online.keys()]);
        return [...ids].sort().map((id) => {
          const known = this.agents.get(id);
          const isOnline = online.has(id);
          const offline = isOnline ? null : (known?.offline_since ?? null);
          return { agent_id: id, agent_name: online.get(id) ?? known?.agent_name ?? '', online: isOnline, availability: known?.availability ?? 'available', offline_since: offline ? offline.toISOString() : null };
        });
      },
    };
  }
}
