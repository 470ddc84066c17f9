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
     * Joins a session: checks access, lets the transport subscribe (`enter`) before reading
     * history, so no message falls between the history and the live stream. The presence service
     * records the socket in the session and answers who is in it now, on any gateway.
     */
    async joinSession(caller: Caller, payload: unknown, enter: (session: ChatSession) => Promise<void>, socket: SocketRef): Promise<SessionJoinedEvent> {
      const input = validate(joinSessionSchema, payload);
      const session = await sessions.get(caller, input.session_id);
      await enter(session);
      const participants = await presence.join(caller, socket, session.id);
      try {
        const page =
          input.last_seq === undefined
            ? await messages.list(caller, { session_id: session.id, limit: LIMITS.historyDefaultLimit })
            : await messages.list(caller, { session_id: session.id, limit: LIMITS.catchUpMaxMessages, after_seq: input.last_seq });
        return { session, messages: page.messages, participants, has_more: page.has_more, last_seq: page.last_seq };
      } catch (error) {
        // A join that failed leaves nobody in the session who is not there; the original error is the answer.
        await presence.leave(caller, socket, session.id).catch(() => undefined);
        throw error;
      }
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
