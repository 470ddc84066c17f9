import {
  createSessionSchema,
  joinSessionSchema,
  LIMITS,
  listMessagesQuerySchema,
  listSessionsQuerySchema,
  sendMessageBodySchema,
  sendMessageSchema,
  sessionIdSchema,
  sessionRefSchema,
  validate,
  type ChatSession,
  type ChatSessionView,
  type MessageSentEvent,
  type SessionJoinedEvent,
} from '@parley/contracts';
import type { Caller, MessagePage, MessagesApi, PresenceApi, SessionsApi, SocketRef } from './gateway.ports';

export interface ChatServiceDeps {
  sessions: SessionsApi;
  messages: MessagesApi;
  presence: PresenceApi;
}

/**
 * What the gateway does for a client, whichever transport asked: validates the input with the
 * public schemas, then calls the session and message services.
 */
export function createChatService({ sessions, messages, presence }: ChatServiceDeps) {
  async function withSummaries(caller: Caller, list: ChatSession[]): Promise<ChatSessionView[]> {
    if (list.length === 0) return [];
    const summaries = new Map((await messages.summaries(caller, list.map((s) => s.id))).map((s) => [s.session_id, s]));
    return list.map((session) => ({
      ...session,
      unread_count: summaries.get(session.id)?.unread_count ?? 0,
      last_message: summaries.get(session.id)?.last_message ?? null,
    }));
  }

  return {
    /**
     * Opens a chat. The initial message travels with the session's creation event and the message
     * service stores it as message 1 moments later: one atomic write here, nothing lost if the
     * message service is down at this instant.
     */
    async openSession(caller: Caller, body: unknown): Promise<ChatSessionView> {
      const input = validate(createSessionSchema, body ?? {});
      const session = await sessions.create(caller, input);
      return { ...session, unread_count: 0, last_message: null };
    },

    async listSessions(caller: Caller, query: unknown): Promise<ChatSessionView[]> {
      const input = validate(listSessionsQuerySchema, query ?? {});
      return withSummaries(caller, await sessions.list(caller, input));
    },

    async getSession(caller: Caller, sessionId: unknown): Promise<ChatSessionView> {
      const id = validate(sessionIdSchema, sessionId);
      const [view] = await withSummaries(caller, [await sessions.get(caller, id)]);
      return view;
    },

    async history(caller: Caller, sessionId: unknown, query: unknown): Promise<MessagePage> {
      const id = validate(sessionIdSchema, sessionId);
      const input = validate(listMessagesQuerySchema, query ?? {});
      return messages.list(caller, { session_id: id, ...input });
    },

    /**
     * Joins a session: checks access, then lets the transport subscribe (`enter`) before anything
     * else, so no message falls between the catch-up page and the live stream, and no user joining
     * or leaving falls between the participants read and the live presence events. Then the
     * presence service records the socket (and answers who is in the session now, on any gateway)
     * while the message service reads the page: the two do not depend on each other. A failure is
     * reported as when they ran one after the other (presence's first), and leaves nobody in the
     * session who is not there.
     */
    async joinSession(caller: Caller, payload: unknown, enter: (session: ChatSession) => Promise<void>, socket: SocketRef): Promise<SessionJoinedEvent> {
      const input = validate(joinSessionSchema, payload);
      const session = await sessions.get(caller, input.session_id);
      await enter(session);
      const query =
        input.last_seq === undefined
          ? { session_id: session.id, limit: LIMITS.historyDefaultLimit }
          : { session_id: session.id, limit: LIMITS.catchUpMaxMessages, after_seq: input.last_seq };
      const [joined, page] = await Promise.allSettled([presence.join(caller, socket, session.id), messages.list(caller, query)]);
      if (joined.status === 'rejected') throw joined.reason;
      if (page.status === 'rejected') {
        await presence.leave(caller, socket, session.id).catch(() => undefined);
        throw page.reason;
      }
      return { session, messages: page.value.messages, participants: joined.value, has_more: page.value.has_more, last_seq: page.value.last_seq };
    },

    /** Leaving a session the socket never joined still says whether the session exists and is the caller's. */
    async leaveSession(caller: Caller, payload: unknown, leave: (sessionId: string) => boolean, socket: SocketRef): Promise<{ session_id: string }> {
      const { session_id } = validate(sessionRefSchema, payload);
      if (!leave(session_id)) await sessions.get(caller, session_id);
      await presence.leave(caller, socket, session_id);
      return { session_id };
    },

    async sendMessage(caller: Caller, payload: unknown): Promise<MessageSentEvent> {
      const input = validate(sendMessageSchema, payload);
      const { message } = await messages.send(caller, input);
      return { message_id: message.id, temp_id: message.temp_id, sent_at: message.created_at, seq: message.seq, session_id: message.session_id };
    },

    async sendMessageRest(caller: Caller, sessionId: unknown, body: unknown) {
      const id = validate(sessionIdSchema, sessionId);
      const input = validate(sendMessageBodySchema, body ?? {});
      return (await messages.send(caller, { ...input, session_id: id })).message;
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
