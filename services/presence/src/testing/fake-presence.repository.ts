import type { AgentState, Availability, EventEnvelope, OnlineAgent, Participant } from '@parley/contracts';
import type { Connection, PresenceRepository, PresenceStore, TypingIndicator } from '../domain/presence.ports';

const CONNECTION_COLUMNS = ['socket_id', 'gateway_id', 'user_id', 'user_role', 'user_name'];

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
  typing = new Map<string, TypingIndicator>();
  agents = new Map<string, { agent_name: string; availability: Availability; offline_since: Date | null }>();
  /** Every event recorded by a committed transaction, in order. */
  readonly events: EventEnvelope[] = [];
  /** How many typing rows were written (to see the throttle). */
  typingWrites = 0;
  private order = 0;

  async transaction<T>(work: (store: PresenceStore) => Promise<T>): Promise<T> {
    const saved = {
      gateways: new Map(this.gateways),
      connections: new Map(this.connections),
      memberships: [...this.memberships],
      typing: new Map(this.typing),
      agents: new Map([...this.agents].map(([id, a]) => [id, { ...a }])),
      writes: this.typingWrites,
    };
    const recorded: EventEnvelope[] = [];
    try {
      const result = await work(this.store(recorded));
      this.events.push(...recorded);
      return result;
    } catch (error) {
      const { writes, ...tables } = saved;
      Object.assign(this, { ...tables, typingWrites: writes });
      throw error;
    }
  }

  /** The events of one type, as their data. */
  data<T extends EventEnvelope['type']>(type: T): Array<EventEnvelope<T>['data']> {
    return this.events.filter((e) => e.type === type).map((e) => (e as EventEnvelope<T>).data);
  }

  private store(recorded: EventEnvelope[]): PresenceStore {
    const key = (sessionId: string, userId: string) => `${sessionId}/${userId}`;
    return {
      record: async (events) => void recorded.push(...events),
      lockUser: async () => undefined,
      socketAndLease: async (socketId, gatewayId, now) => {
        const c = this.connections.get(socketId);
        return {
          connection: c ? { socket_id: c.socket_id, gateway_id: c.gateway_id, user_id: c.user_id, user_role: c.user_role, user_name: c.user_name } : null,
          leaseLive: (this.gateways.get(gatewayId) ?? new Date(0)) > now,
        };
      },
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
      saveConnection: async (c) => {
        // Like the table: a column it does not have is an error, not silently kept.
        const unknown = Object.keys(c).filter((k) => !CONNECTION_COLUMNS.includes(k));
        if (unknown.length > 0) throw new Error(`presence_connections has no column ${unknown.join(', ')}`);
        this.connections.set(c.socket_id, { ...c, connected_at: new Date() });
      },
      getConnection: async (socketId) => {
        const c = this.connections.get(socketId);
        return c ? { socket_id: c.socket_id, gateway_id: c.gateway_id, user_id: c.user_id, user_role: c.user_role, user_name: c.user_name } : null;
      },
      deleteConnection: async (socketId) => {
        this.connections.delete(socketId);
        this.memberships = this.memberships.filter((m) => m.socket_id !== socketId);
      },
      sessionsOf: async (socketId) => this.memberships.filter((m) => m.socket_id === socketId).map((m) => m.session_id),
      addMembership: async (socketId, sessionId, userId) => {
        if (this.memberships.some((m) => m.socket_id === socketId && m.session_id === sessionId)) return { added: false, firstOfUser: false };
        const firstOfUser = !this.memberships.some((m) => m.session_id === sessionId && m.user_id === userId);
        this.memberships.push({ socket_id: socketId, session_id: sessionId, user_id: userId, order: (this.order += 1) });
        return { added: true, firstOfUser };
      },
      deleteMembership: async (socketId, sessionId) => {
        const gone = this.memberships.find((m) => m.socket_id === socketId && m.session_id === sessionId);
        if (!gone) return { removed: false, lastOfUser: false };
        this.memberships = this.memberships.filter((m) => m !== gone);
        return { removed: true, lastOfUser: !this.memberships.some((m) => m.session_id === sessionId && m.user_id === gone.user_id) };
      },
      isMember: async (socketId, sessionId) => this.memberships.some((m) => m.socket_id === socketId && m.session_id === sessionId),
      participants: async (sessionId) => {
        const seen = new Map<string, Participant>();
        for (const m of [...this.memberships].sort((a, b) => a.order - b.order)) {
          const c = this.connections.get(m.socket_id);
          if (m.session_id === sessionId && c && !seen.has(m.user_id)) seen.set(m.user_id, { user_id: c.user_id, role: c.user_role, name: c.user_name });
        }
        return [...seen.values()];
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
      userConnectionCount: async (userId) => [...this.connections.values()].filter((c) => c.user_id === userId).length,
      agentOnline: async (agentId, agentName) => {
        this.agents.set(agentId, { availability: 'available', ...this.agents.get(agentId), agent_name: agentName, offline_since: null });
      },
      agentOffline: async (agentId) => {
        const agent = this.agents.get(agentId);
        if (agent && !agent.offline_since) agent.offline_since = new Date();
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
      getTyping: async (sessionId, userId) => this.typing.get(key(sessionId, userId)) ?? null,
      saveTyping: async (indicator) => {
        this.typingWrites += 1;
        this.typing.set(key(indicator.session_id, indicator.user_id), indicator);
      },
      deleteTyping: async (sessionId, userId) => this.typing.delete(key(sessionId, userId)),
      deleteExpiredTyping: async (now) => {
        const expired = [...this.typing.values()].filter((t) => t.expires_at < now);
        expired.forEach((t) => this.typing.delete(key(t.session_id, t.user_id)));
        return expired.map((t) => ({ session_id: t.session_id, user_id: t.user_id }));
      },
    };
  }
}
