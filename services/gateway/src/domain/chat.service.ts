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
  type ChatMessage,
  type ChatSession,
  type Identity,
  type ChatSessionView,
  type MessageSentEvent,
  type SessionJoinedEvent,
} from '@parley/contracts';
import type { Caller, MessagePage, MessagesApi, PresenceApi, SessionsApi, SocketRef } from './gateway.ports';
import type { RatingsApi } from './support.ports';

/** Where a joining socket goes: the session's room on this gateway, with what it knows of the session. */
export interface JoinRoom {
  /** The session as this gateway holds it (kept true by its events), or undefined; refuses a caller who may not see it. */
  known(identity: Identity, sessionId: string): ChatSession | undefined;
  /** Starts receiving the session's events, and holds them until `release`. */
  bind(sessionId: string): Promise<void>;
  release(sessionId: string): void;
  /** A session read after `bind`: from now on its events keep it true. */
  remember(session: ChatSession): void;
  /** Puts the socket in the session's room. */
  enter(session: ChatSession): Promise<void>;
}

export interface ChatServiceDeps {
  sessions: SessionsApi;
  messages: MessagesApi;
  presence: PresenceApi;
  ratings: RatingsApi;
}

/**
 * What the gateway does for a client, whichever transport asked: validates the input with the
 * public schemas, then calls the session and message services.
 */
export function createChatService({ sessions, messages, presence, ratings }: ChatServiceDeps) {
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

    /** The detail, with the rating once the requester gave one (only an ended chat can have one: no call for the others). */
    async getSession(caller: Caller, sessionId: unknown): Promise<ChatSessionView> {
      const id = validate(sessionIdSchema, sessionId);
      const session = await sessions.get(caller, id);
      const ended = session.status === 'resolved' || session.status === 'closed';
      const [[view], rating] = await Promise.all([withSummaries(caller, [session]), ended ? ratings.get(caller, id) : null]);
      return { ...view, rating };
    },

    async history(caller: Caller, sessionId: unknown, query: unknown): Promise<MessagePage> {
      const id = validate(sessionIdSchema, sessionId);
      const input = validate(listMessagesQuerySchema, query ?? {});
      return messages.list(caller, { session_id: id, ...input });
    },

    /**
     * Joins a session. The session comes from the room's memory when this gateway already
     * receives its events (`room.known`: a reconnect storm's devices of one chat, a chat another
     * socket here has open); otherwise its events are bound first and it is read from the session
     * service after, so no change falls between the read and the live stream. The socket then
     * enters the room, and the session is taken again from memory, which any event that arrived
     * meanwhile has updated: `session_joined` is never older than what the socket gets next
     * (docs/architecture.md). Then the presence service records the socket (and answers who is
     * in the session now, on any gateway) while the message service reads the page: the two do not
     * depend on each other. A failure is reported as when they ran one after the other (presence's
     * first), and leaves nobody in the session who is not there.
     */
    async joinSession(caller: Caller, payload: unknown, room: JoinRoom, socket: SocketRef): Promise<SessionJoinedEvent> {
      const input = validate(joinSessionSchema, payload);
      const sessionId = input.session_id.toLowerCase();
      let session = room.known(caller.identity, sessionId);
      if (session) await room.enter(session);
      else {
        await room.bind(sessionId);
        try {
          session = await sessions.get(caller, sessionId);
          room.remember(session);
          await room.enter(session);
        } finally {
          room.release(sessionId);
        }
      }
      session = room.known(caller.identity, session.id) ?? session;
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

    /** The stored message, and the `message_sent` that answers it. */
    async sendMessage(caller: Caller, payload: unknown): Promise<{ sent: MessageSentEvent; message: ChatMessage }> {
      const input = validate(sendMessageSchema, payload);
      const { message } = await messages.send(caller, input);
      return { sent: { message_id: message.id, temp_id: message.temp_id, sent_at: message.created_at, seq: message.seq, session_id: message.session_id }, message };
    },

    async sendMessageRest(caller: Caller, sessionId: unknown, body: unknown) {
      const id = validate(sessionIdSchema, sessionId);
      const input = validate(sendMessageBodySchema, body ?? {});
      return (await messages.send(caller, { ...input, session_id: id })).message;
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
