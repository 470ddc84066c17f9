import { randomUUID } from 'node:crypto';
import { createEvent, isRequester, isStaff, routingKeys, SESSION_STATUSES, type ChatSession, type EventEnvelope, type Identity } from '@parley/contracts';
import { failedPrecondition, invalidArgument, notFound, permissionDenied } from '@parley/errors';

/** The session service as the services ask it: `get` answers a session the caller may see. */
export interface SessionLookup {
  get(identity: Identity, sessionId: string): Promise<ChatSession>;
}

/** A lifecycle step's result: the session after it, and the events the session service would publish. */
export interface SessionChange {
  session: ChatSession;
  events: EventEnvelope[];
}

const actorOf = (identity: Identity) => ({ user_id: identity.userId, role: identity.role, name: identity.name });

/**
 * The session service's rules for other services' tests, in memory, in one place: requesters see
 * their own sessions, staff and services all (docs/api.md); requesters open chats, support agents
 * accept them, staff assign and transfer them, and each step yields the events the session service
 * publishes (no queue events). `startFakeSessionService` serves it over gRPC.
 */
export class FakeSessionDirectory implements SessionLookup {
  readonly sessions = new Map<string, ChatSession>();
  readonly asked: { identity: Identity; sessionId: string }[] = [];
  /** Requesters a test lets see a session that is not theirs (`<user id> <session id>`): many users in one chat. */
  private readonly viewers = new Set<string>();

  /** Lets `identity` see the session too, as if it were theirs. */
  allow(identity: Identity, sessionId: string): void {
    this.viewers.add(`${identity.userId} ${sessionId.toLowerCase()}`);
  }

  /** How many times `identity` asked about the session. */
  timesAsked(identity: Identity, sessionId: string): number {
    return this.asked.filter((a) => a.identity.userId === identity.userId && a.sessionId.toLowerCase() === sessionId.toLowerCase()).length;
  }

  async get(identity: Identity, sessionId: string): Promise<ChatSession> {
    this.asked.push({ identity, sessionId });
    return this.visible(identity, sessionId);
  }

  /** The sessions `identity` may see, newest first, of one status when given. */
  list(identity: Identity, status?: string): ChatSession[] {
    return [...this.sessions.values()]
      .filter((s) => !isRequester(identity.role) || s.customer_id === identity.userId)
      .filter((s) => !status || s.status === status)
      .reverse();
  }

  /** A session as the test wants it (active with an agent unless told otherwise), without events. */
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

  /** A waiting chat `requester` opened, without events. */
  open(requester: Identity, overrides: Partial<ChatSession> = {}): ChatSession {
    const customer = { customer_id: requester.userId, customer_role: requester.role as ChatSession['customer_role'], customer_name: requester.name };
    return this.add({ status: 'waiting', ...customer, agent_id: null, agent_name: null, accepted_at: null, ...overrides });
  }

  create(identity: Identity, input: { subject: string; category?: string; priority?: string; initial_message?: string }): SessionChange {
    if (!isRequester(identity.role)) throw permissionDenied('Only customers and restaurants open sessions');
    const session = this.open(identity, {
      subject: input.subject,
      category: (input.category ?? null) as ChatSession['category'],
      priority: (input.priority ?? 'medium') as ChatSession['priority'],
    });
    return { session, events: [createEvent('session.created', routingKeys.session(session.id, 'session.created'), { session, initial_message: input.initial_message ?? null })] };
  }

  accept(identity: Identity, sessionId: string): SessionChange {
    if (identity.role !== 'support') throw permissionDenied('Only support agents accept chats');
    return this.giveTo(identity, this.visible(identity, sessionId), { id: identity.userId, name: identity.name });
  }

  assign(identity: Identity, sessionId: string, agent?: { id: string; name: string }): SessionChange {
    if (!isStaff(identity.role)) throw permissionDenied('Only staff assign chats');
    return this.giveTo(identity, this.visible(identity, sessionId), agent ?? { id: identity.userId, name: identity.name });
  }

  transfer(identity: Identity, sessionId: string, agent: { id: string; name: string }): SessionChange {
    if (!isStaff(identity.role)) throw permissionDenied('Only staff transfer chats');
    const before = this.visible(identity, sessionId);
    if (before.status !== 'active') throw failedPrecondition(`A ${before.status} chat cannot be transferred`);
    const session = this.save({ ...before, agent_id: agent.id, agent_name: agent.name });
    const data = { session, from_agent_id: before.agent_id as string, from_agent_name: before.agent_name as string, to_agent_id: agent.id, to_agent_name: agent.name, by: actorOf(identity) };
    return { session, events: [createEvent('session.transferred', routingKeys.session(session.id, 'session.transferred'), data)] };
  }

  updateStatus(identity: Identity, sessionId: string, status: string): SessionChange {
    if (!(SESSION_STATUSES as readonly string[]).includes(status)) throw invalidArgument(`status must be one of ${SESSION_STATUSES.join(', ')}`);
    const before = this.visible(identity, sessionId);
    const now = new Date().toISOString();
    const session = this.save({
      ...before,
      status: status as ChatSession['status'],
      resolved_at: status === 'resolved' ? now : before.resolved_at,
      closed_at: status === 'closed' ? now : before.closed_at,
    });
    const data = { session, previous_status: before.status, by: actorOf(identity) };
    return { session, events: [createEvent('session.status_changed', routingKeys.session(session.id, 'session.status_changed'), data)] };
  }

  private visible(identity: Identity, sessionId: string): ChatSession {
    // The session service compares uuids, whatever their case.
    const session = this.sessions.get(sessionId.toLowerCase());
    if (!session) throw notFound('Session not found');
    if (isRequester(identity.role) && session.customer_id !== identity.userId && !this.viewers.has(`${identity.userId} ${session.id}`)) {
      throw permissionDenied('You are not a participant of this session');
    }
    return session;
  }

  private giveTo(identity: Identity, before: ChatSession, agent: { id: string; name: string }): SessionChange {
    if (before.status !== 'waiting') throw failedPrecondition(`The chat is ${before.status}, not waiting`);
    const session = this.save({ ...before, status: 'active', agent_id: agent.id, agent_name: agent.name, accepted_at: new Date().toISOString() });
    const data = { session, agent_id: agent.id, agent_name: agent.name, by: actorOf(identity) };
    return { session, events: [createEvent('session.accepted', routingKeys.session(session.id, 'session.accepted'), data)] };
  }

  private save(session: ChatSession): ChatSession {
    const saved = { ...session, updated_at: new Date().toISOString() };
    this.sessions.set(saved.id, saved);
    return saved;
  }
}
