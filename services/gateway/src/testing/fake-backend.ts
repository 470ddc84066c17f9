import { randomUUID } from 'node:crypto';
import { createEvent, isStaff, routingKeys, type ChatMessage, type ChatSession, type MessageAttachment } from '@parley/contracts';
import type { EventBus } from '@parley/bus';
import { AppError, notFound, permissionDenied } from '@parley/errors';
import type { Caller, MessagesApi, SessionsApi } from '../domain/gateway.ports';

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

  constructor(private readonly bus: EventBus) {}

  private enter(name: string): void {
    this.calls.push(name);
    const failure = this.failNext;
    this.failNext = null;
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
  };

  readonly messagesApi: MessagesApi = {
    send: async (caller, input) => {
      this.enter('messages.send');
      // Real calls take varying time; so does this one, so ordering bugs show.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      const session = this.visible(caller, input.session_id);
      const existing = this.messages.find((m) => m.session_id === session.id && m.sender_id === caller.identity.userId && input.temp_id && m.temp_id === input.temp_id);
      if (existing) return { message: existing, created: false };
      if (session.status === 'closed') throw new AppError('FAILED_PRECONDITION', 'The session is closed');
      if (input.message_type !== 'text' && !input.attachment_ids?.length) throw new AppError('INVALID_ARGUMENT', `A ${input.message_type} message needs attachments`);
      const attachments = input.attachment_ids?.length && this.claimAttachments ? await this.claimAttachments(caller, session.id, input.attachment_ids) : [];
      const message = this.store(session.id, caller, input.content, input.temp_id ?? null, { message_type: input.message_type as ChatMessage['message_type'], attachments });
      await this.bus.publish(createEvent('message.created', routingKeys.session(session.id, 'message.created'), { message }));
      return { message, created: true };
    },
    list: async (caller, query) => {
      this.enter('messages.list');
      this.visible(caller, query.session_id);
      const all = this.messages.filter((m) => m.session_id === query.session_id);
      const page = query.after_seq === undefined ? all.slice(-query.limit) : all.filter((m) => m.seq > (query.after_seq ?? 0)).slice(0, query.limit);
      return { messages: page, has_more: false, last_seq: all.length };
    },
    summaries: async (caller, ids) => {
      this.enter('messages.summaries');
      return ids.map((id) => {
        const mine = this.messages.filter((m) => m.session_id === id);
        return { session_id: id, unread_count: mine.filter((m) => m.sender_id !== caller.identity.userId).length, last_message: mine.at(-1) ?? null };
      });
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
