import {
  markAsReadBodySchema,
  markAsReadSchema,
  sessionIdSchema,
  setAvailabilitySchema,
  validate,
  type AvailabilityChangedEvent,
  type MessagesReadEvent,
  type OnlineAgent,
} from '@parley/contracts';
import type { Caller, MessagesApi, PresenceApi } from './gateway.ports';

export interface SignalsServiceDeps {
  messages: MessagesApi;
  presence: PresenceApi;
}

/** Read receipts, who is online and available: validated here, decided by the presence and message services (typing: typing.service.ts). */
export function createSignalsService({ messages, presence }: SignalsServiceDeps) {
  async function markAsRead(caller: Caller, payload: unknown): Promise<MessagesReadEvent> {
    const input = validate(markAsReadSchema, payload);
    const read = await messages.markRead(caller, input);
    return { session_id: input.session_id.toLowerCase(), user_id: caller.identity.userId, message_ids: read };
  }

  return {
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
