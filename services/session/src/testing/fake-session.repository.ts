import { randomUUID } from 'node:crypto';
import type { ChatSession, EventEnvelope } from '@parley/contracts';
import type { NewSession, SessionListFilter, SessionRepository } from '../domain/session.ports';

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

  async list(filter: SessionListFilter): Promise<ChatSession[]> {
    this.listFilters.push(filter);
    return this.sessions
      .filter((s) => (filter.customerId === undefined || s.customer_id === filter.customerId) && (filter.status === undefined || s.status === filter.status))
      .slice(filter.offset, filter.offset + filter.limit);
  }

  async create(session: NewSession, eventsFor: (created: ChatSession) => EventEnvelope[]): Promise<ChatSession> {
    const created = sessionFixture({ ...session, id: randomUUID() });
    // Like the transaction: nothing is kept when the events cannot be made.
    const events = eventsFor(created);
    this.sessions.push(created);
    this.events.push(...events);
    return created;
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
