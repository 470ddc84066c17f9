import { randomUUID } from 'node:crypto';
import { isStaff, type ChatSession, type Identity } from '@parley/contracts';
import { notFound, permissionDenied } from '@parley/errors';
import type { SessionDirectory } from '../domain/presence.ports';

/** Sessions in memory with the session service's visibility rule: the requester and staff. */
export class FakeSessionDirectory implements SessionDirectory {
  readonly sessions = new Map<string, ChatSession>();

  open(requester: Identity): ChatSession {
    const now = new Date().toISOString();
    const session: ChatSession = {
      id: randomUUID(), subject: 'Help', category: null, priority: 'medium', status: 'waiting',
      customer_id: requester.userId, customer_role: requester.role as 'customer', customer_name: requester.name,
      restaurant_id: null, ticket_id: null, agent_id: null, agent_name: null,
      created_at: now, updated_at: now, accepted_at: null, resolved_at: null, closed_at: null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  async get(identity: Identity, sessionId: string): Promise<ChatSession> {
    const session = this.sessions.get(sessionId.toLowerCase());
    if (!session) throw notFound('Session not found');
    if (identity.role !== 'service' && !isStaff(identity.role) && session.customer_id !== identity.userId) throw permissionDenied('You are not a participant of this session');
    return session;
  }
}
