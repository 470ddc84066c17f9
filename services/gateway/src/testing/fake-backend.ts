import { randomUUID } from 'node:crypto';
import { createEvent, isStaff, routingKeys, seesNotes, type ChatMessage, type ChatSession, type MessageAttachment } from '@parley/contracts';
import type { EventBus } from '@parley/bus';
import { AppError, invalidArgument, notFound, permissionDenied } from '@parley/errors';
import type { Caller, MessagesApi, SessionsApi } from '../domain/gateway.ports';
import { FakePresence } from './fake-presence';

/**
 * A hand-built stand-in for the session and message services, for the gateway's own tests: it
 * keeps sessions and messages in memory and publishes message.created on the bus as the message
 * service would. `calls` records what reached it, so tests can assert that bad input never did.
 */
export class FakeBackend {
  readonly sessions = new Map<string, ChatSession>();
  readonly messages: ChatMessage[] = [];
  readonly calls: string[] = [];
  /** Set to make the next call fail with this error. */
  failNext: Error | null = null;
  /** The attachment service's claim, when a test gives the backend one. */
  claimAttachments: ((caller: Caller, sessionId: string, ids: string[]) => Promise<MessageAttachment[]>) | null = null;

  readonly presence: FakePresence;

  constructor(private readonly bus: EventBus) {
    this.presence = new FakePresence(bus, (caller, id) => this.visible(caller, id));
  }

  private failOn: { name: string; error: Error } | null = null;
  private readonly held = new Map<string, Promise<void>>();

  /**
   * Holds the answers of `name` (`messages.send`, `messages.list`, `messages.markRead`) until the returned function is
   * called, as a busy or slow service would: a send waits before it is stored, a list after its
   * page was read (the answer is on its way).
   */
  hold(name: 'messages.send' | 'messages.list' | 'messages.markRead'): () => void {
    let release: () => void = () => undefined;
    this.held.set(name, new Promise((resolve) => (release = resolve)));
    return () => {
      this.held.delete(name);
      release();
    };
  }

  /** Makes the next call of `name` fail with `error`. */
  failNextCall(name: string, error: Error): void {
    this.failOn = { name, error };
  }

  private enter(name: string): void {
    this.calls.push(name);
    const failure = this.failNext ?? (this.failOn?.name === name ? this.failOn.error : null);
    this.failNext = null;
    if (this.failOn?.name === name) this.failOn = null;
    if (failure) throw failure;
  }

  visible(caller: Caller, id: string): ChatSession {
    const session = this.sessions.get(id);
    if (!session) throw notFound('Session not found');
    const { role, userId } = caller.identity;
    if (role !== 'service' && !isStaff(role) && session.customer_id !== userId) throw permissionDenied('You are not a participant of this session');
    return session;
  }

  readonly sessionsApi: SessionsApi = {
    create: async (caller, input) => {
      this.enter('sessions.create');
      const { identity } = caller;
      if (identity.role !== 'customer' && identity.role !== 'restaurant') throw permissionDenied('Only customers and restaurants open support chats');
      const now = new Date().toISOString();
      const session: ChatSession = {
        id: randomUUID(), subject: input.subject, category: input.category ?? null, priority: input.priority as ChatSession['priority'],
        status: 'waiting', customer_id: identity.userId, customer_role: identity.role, customer_name: identity.name,
        restaurant_id: input.restaurant_id ?? null, ticket_id: input.ticket_id ?? null, agent_id: null, agent_name: null,
        created_at: now, updated_at: now, accepted_at: null, resolved_at: null, closed_at: null,
      };
      this.sessions.set(session.id, session);
      // As the message service does on session.created.
      if (input.initial_message) this.store(session.id, caller, input.initial_message, `initial:${session.id}`);
      return session;
    },
    get: async (caller, id) => {
      this.enter('sessions.get');
      return this.visible(caller, id);
    },
    list: async (caller) => {
      this.enter('sessions.list');
      return [...this.sessions.values()].filter((s) => isStaff(caller.identity.role) || s.customer_id === caller.identity.userId);
    },
    // The lifecycle, simply: the session service's own tests cover who may take which step.
    accept: async (caller, id) => {
      this.enter('sessions.accept');
      return this.take(caller, id, { id: caller.identity.userId, name: caller.identity.name });
    },
    assign: async (caller, id, agent) => {
      this.enter('sessions.assign');
      return this.take(caller, id, { id: agent.agent_id ?? caller.identity.userId, name: agent.agent_name ?? caller.identity.name });
    },
    transfer: async (caller, id, agent) => {
      this.enter('sessions.transfer');
      const before = this.visible(caller, id);
      const session = this.update(id, { agent_id: agent.agent_id, agent_name: agent.agent_name });
      const by = { user_id: caller.identity.userId, role: caller.identity.role, name: caller.identity.name };
      const data = { session, from_agent_id: before.agent_id ?? '', from_agent_name: before.agent_name ?? '', to_agent_id: agent.agent_id, to_agent_name: agent.agent_name, by };
      await this.bus.publish(createEvent('session.transferred', routingKeys.session(id, 'session.transferred'), data));
      return session;
    },
    updateStatus: async (caller, id, status) => {
      this.enter('sessions.updateStatus');
      const before = this.visible(caller, id);
      const session = this.update(id, { status: status as ChatSession['status'] });
      const by = { user_id: caller.identity.userId, role: caller.identity.role, name: caller.identity.name };
      await this.bus.publish(createEvent('session.status_changed', routingKeys.session(id, 'session.status_changed'), { session, previous_status: before.status, by }));
      return session;
    },
  };

  private update(id: string, change: Partial<ChatSession>): ChatSession {
    const session = { ...(this.sessions.get(id) as ChatSession), ...change, updated_at: new Date().toISOString() };
    this.sessions.set(id, session);
    return session;
  }

  private async take(caller: Caller, id: string, agent: { id: string; name: string }): Promise<ChatSession> {
    const before = this.visible(caller, id);
    if (before.status !== 'waiting') throw new AppError('ABORTED', `${before.agent_name} accepted this chat first`);
    const session = this.update(id, { status: 'active', agent_id: agent.id, agent_name: agent.name });
    const by = { user_id: caller.identity.userId, role: caller.identity.role, name: caller.identity.name };
    await this.bus.publish(createEvent('session.accepted', routingKeys.session(id, 'session.accepted'), { session, agent_id: agent.id, agent_name: agent.name, by }));
    return session;
  }

  readonly messagesApi: MessagesApi = {
    send: async (caller, input) => {
      this.enter('messages.send');
      await this.held.get('messages.send');
      // Real calls take varying time; so does this one, so ordering bugs show.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      const session = this.visible(caller, input.session_id);
      const existing = this.messages.find((m) => m.session_id === session.id && m.sender_id === caller.identity.userId && input.temp_id && m.temp_id === input.temp_id);
      if (existing) return { message: existing, created: false };
      if (session.status === 'closed') throw new AppError('FAILED_PRECONDITION', 'The session is closed');
      if (input.message_type === 'note' && !seesNotes(caller.identity.role)) throw permissionDenied('Only support agents and admins write private notes');
      if ((input.message_type === 'image' || input.message_type === 'file') && !input.attachment_ids?.length) throw new AppError('INVALID_ARGUMENT', `A ${input.message_type} message needs attachments`);
      const attachments = input.attachment_ids?.length && this.claimAttachments ? await this.claimAttachments(caller, session.id, input.attachment_ids) : [];
      const message = this.store(session.id, caller, input.content, input.temp_id ?? null, { message_type: input.message_type as ChatMessage['message_type'], attachments });
      await this.bus.publish(createEvent('message.created', routingKeys.session(session.id, 'message.created'), { message }));
      return { message, created: true };
    },
    list: async (caller, query) => {
      this.enter('messages.list');
      this.visible(caller, query.session_id);
      // As the message service: private notes are staff's alone.
      const all = this.messages.filter((m) => m.session_id === query.session_id && (seesNotes(caller.identity.role) || m.message_type !== 'note'));
      const page = query.after_seq === undefined ? all.slice(-query.limit) : all.filter((m) => m.seq > (query.after_seq ?? 0)).slice(0, query.limit);
      await this.held.get('messages.list');
      return { messages: page, has_more: false, last_seq: this.messages.filter((m) => m.session_id === query.session_id).length };
    },
    summaries: async (caller, ids) => {
      this.enter('messages.summaries');
      return ids.map((id) => {
        const mine = this.messages.filter((m) => m.session_id === id && (seesNotes(caller.identity.role) || m.message_type !== 'note'));
        const unread = mine.filter((m) => m.sender_id !== caller.identity.userId && !m.read_by.some((r) => r.user_id === caller.identity.userId));
        return { session_id: id, unread_count: unread.length, last_message: mine.at(-1) ?? null };
      });
    },
    markRead: async (caller, input) => {
      this.enter('messages.markRead');
      await this.held.get('messages.markRead');
      const session = this.visible(caller, input.session_id);
      const userId = caller.identity.userId;
      const inSession = this.messages.filter((m) => m.session_id === session.id);
      const named = input.message_ids ? input.message_ids.map((id) => inSession.find((m) => m.id === id)) : inSession.filter((m) => m.sender_id !== userId);
      if (named.some((m) => !m)) throw notFound('Not messages of this session');
      if (named.some((m) => m?.sender_id === userId)) throw invalidArgument('You cannot mark your own messages as read');
      const fresh = named.filter((m): m is ChatMessage => !!m && !m.read_by.some((r) => r.user_id === userId));
      fresh.forEach((m) => m.read_by.push({ user_id: userId, read_at: new Date().toISOString() }));
      const ids = fresh.map((m) => m.id);
      if (ids.length > 0) await this.bus.publish(createEvent('messages.read', routingKeys.session(session.id, 'messages.read'), { session_id: session.id, user_id: userId, message_ids: ids }));
      return ids;
    },
  };

  /** Stores a message without publishing it (to simulate an event the gateway never received). */
  store(sessionId: string, caller: Caller, content: string, tempId: string | null = null, extra: Partial<ChatMessage> = {}): ChatMessage {
    const message: ChatMessage = {
      id: randomUUID(), session_id: sessionId, seq: this.messages.filter((m) => m.session_id === sessionId).length + 1,
      sender_id: caller.identity.userId, sender_role: caller.identity.role, sender_name: caller.identity.name, content,
      message_type: 'text', temp_id: tempId, created_at: new Date().toISOString(), attachments: [], read_by: [], ...extra,
    };
    this.messages.push(message);
    return message;
  }
}
