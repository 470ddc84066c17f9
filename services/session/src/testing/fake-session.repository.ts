import { randomUUID } from 'node:crypto';
import type { ChatSession, EventEnvelope } from '@parley/contracts';
import type { NewSession, QueueSnapshot, SessionChange, SessionListFilter, SessionRepository } from '../domain/session.ports';

/**
 * SessionRepository in memory. `list` filters like the real one and keeps the order the sessions
 * were seeded in, so a test can tell whether the domain passes the repository's order through.
 */
export class FakeSessionRepository implements SessionRepository {
  readonly sessions: ChatSession[] = [];
  readonly events: EventEnvelope[] = [];
  readonly listFilters: SessionListFilter[] = [];

  async get(id: string): Promise<ChatSession | null> {
    return this.sessions.find((s) => s.id === id) ?? null;
  }

  async getMany(ids: string[]): Promise<ChatSession[]> {
    return this.sessions.filter((s) => ids.includes(s.id));
  }

  async list(filter: SessionListFilter): Promise<ChatSession[]> {
    this.listFilters.push(filter);
    return this.sessions
      .filter(
        (s) =>
          (filter.customerId === undefined || s.customer_id === filter.customerId) &&
          (filter.agentId === undefined || s.agent_id === filter.agentId) &&
          (filter.status === undefined || s.status === filter.status),
      )
      .slice(filter.offset, filter.offset + filter.limit);
  }

  async create(session: NewSession, eventsFor: (created: ChatSession, queue: QueueSnapshot) => EventEnvelope[]): Promise<ChatSession> {
    const created = sessionFixture({ ...session, id: randomUUID() });
    // Like the transaction: nothing is kept when the events cannot be made.
    const events = eventsFor(created, this.queue([...this.sessions, created]));
    this.sessions.push(created);
    this.events.push(...events);
    return created;
  }

  async change(id: string, change: SessionChange, eventsFor: (changed: ChatSession, queue: QueueSnapshot | null) => EventEnvelope[]): Promise<ChatSession | null> {
    const index = this.sessions.findIndex((s) => s.id === id);
    const current = this.sessions[index];
    if (!current || current.status !== change.expect.status) return null;
    if (change.expect.agentId !== undefined && current.agent_id !== change.expect.agentId) return null;
    const now = new Date().toISOString();
    const changed: ChatSession = { ...current, ...change.set, updated_at: now };
    if (change.stamp) changed[change.stamp] = now;
    if (change.clear) changed[change.clear] = null;
    const after = this.sessions.map((s, i) => (i === index ? changed : s));
    const queueMoved = change.expect.status === 'waiting' || change.set.status === 'waiting';
    const events = eventsFor(changed, queueMoved ? this.queue(after) : null);
    this.sessions[index] = changed;
    this.events.push(...events);
    return changed;
  }

  async queuePosition(session: ChatSession): Promise<number> {
    return this.queue(this.sessions).waiting.indexOf(session.id) + 1;
  }

  private version = 0;

  /** The queue as the real repository orders it. */
  private queue(sessions: ChatSession[]): QueueSnapshot {
    const rank = { urgent: 0, high: 1, medium: 2, low: 3 };
    const waiting = sessions
      .filter((s) => s.status === 'waiting')
      .sort((a, b) => rank[a.priority] - rank[b.priority] || a.created_at.localeCompare(b.created_at))
      .map((s) => s.id);
    return { version: ++this.version, waiting, total: waiting.length };
  }

  /** Stores a session as if it had been created earlier. */
  seed(overrides: Partial<ChatSession> = {}): ChatSession {
    const session = sessionFixture(overrides);
    this.sessions.push(session);
    return session;
  }
}

export function sessionFixture(overrides: Partial<ChatSession> = {}): ChatSession {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    subject: 'My order is late',
    category: null,
    priority: 'medium',
    status: 'waiting',
    customer_id: 'customer-1',
    customer_role: 'customer',
    customer_name: 'Cleo',
    restaurant_id: null,
    ticket_id: null,
    agent_id: null,
    agent_name: null,
    created_at: now,
    updated_at: now,
    accepted_at: null,
    resolved_at: null,
    closed_at: null,
    ...overrides,
  };
}
