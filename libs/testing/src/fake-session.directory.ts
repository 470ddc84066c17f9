import { randomUUID } from 'node:crypto';
import { isRequester, type ChatSession, type Identity } from '@parley/contracts';
import { notFound, permissionDenied } from '@parley/errors';
/** The session service as the services ask it: `get` answers a session the caller may see. */
export interface SessionLookup {
  get(identity: Identity, sessionId: string): Promise<ChatSession>;
}

/** The session service's answers, in memory: requesters see their own sessions, staff and services all. */
export class FakeSessionDirectory implements SessionLookup {
  readonly sessions = new Map<string, ChatSession>();
  readonly asked: { identity: Identity; sessionId: string }[] = [];

  async get(identity: Identity, sessionId: string): Promise<ChatSession> {
    this.asked.push({ identity, sessionId });
    // The session service compares uuids, whatever their case.
    const session = this.sessions.get(sessionId.toLowerCase());
    if (!session) throw notFound('Session not found');
    if (isRequester(identity.role) && session.customer_id !== identity.userId) throw permissionDenied('You are not a participant of this session');
    return session;
  }

  add(overrides: Partial<ChatSession> = {}): ChatSession {
    const now = new Date().toISOString();
    const session: ChatSession = {
      id: randomUUID(),
      subject: 'My order is late',
      category: null,
      priority: 'medium',
      status: 'active',
      customer_id: 'customer-1',
      customer_role: 'customer',
      customer_name: 'Cleo',
      restaurant_id: null,
      ticket_id: null,
      agent_id: 'agent-1',
      agent_name: 'Ana',
      created_at: now,
      updated_at: now,
      accepted_at: now,
      resolved_at: null,
      closed_at: null,
      ...overrides,
    };
    this.sessions.set(session.id, session);
    return session;
  }
}
