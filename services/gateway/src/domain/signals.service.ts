import {
  markAsReadBodySchema,
  markAsReadSchema,
  sessionIdSchema,
  setAvailabilitySchema,
  typingSchema,
  validate,
  type AvailabilityChangedEvent,
  type MessagesReadEvent,
  type OnlineAgent,
} from '@parley/contracts';
import type { Caller, MessagesApi, PresenceApi, SocketRef } from './gateway.ports';

export interface SignalsServiceDeps {
  messages: MessagesApi;
  presence: PresenceApi;
}

/** Typing indicators, read receipts, who is online and available: validated here, decided by the presence and message services. */
export function createSignalsService({ messages, presence }: SignalsServiceDeps) {
  async function markAsRead(caller: Caller, payload: unknown): Promise<MessagesReadEvent> {
    const input = validate(markAsReadSchema, payload);
    const read = await messages.markRead(caller, input);
    return { session_id: input.session_id.toLowerCase(), user_id: caller.identity.userId, message_ids: read };
  }

  return {
    async typing(caller: Caller, socket: SocketRef, payload: unknown): Promise<{ session_id: string }> {
      const { session_id } = validate(typingSchema, payload);
      await presence.typing(caller, socket, session_id);
      return { session_id };
    },

    async stopTyping(caller: Caller, socket: SocketRef, payload: unknown): Promise<{ session_id: string }> {
      const { session_id } = validate(typingSchema, payload);
      await presence.stopTyping(caller, socket, session_id);
      return { session_id };
    },

    /** Answers the newly read ids (empty when everything named was read already). */
    markAsRead,

    async markAsReadRest(caller: Caller, sessionId: unknown, body: unknown): Promise<MessagesReadEvent> {
      const session_id = validate(sessionIdSchema, sessionId);
      const input = validate(markAsReadBodySchema, body ?? {});
      return markAsRead(caller, { ...input, session_id });
    },

    onlineAgents: (caller: Caller): Promise<OnlineAgent[]> => presence.onlineAgents(caller),

    /** A support agent takes new chats or not (set_availability, PUT /agents/me/availability). */
    async setAvailability(caller: Caller, payload: unknown): Promise<AvailabilityChangedEvent> {
      const { status } = validate(setAvailabilitySchema, payload ?? {});
      return presence.setAvailability(caller, status);
    },
  };
}

export type SignalsService = ReturnType<typeof createSignalsService>;
