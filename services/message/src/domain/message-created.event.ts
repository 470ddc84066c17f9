import { routingKeys, type ChatMessage, type EventEnvelope } from '@parley/contracts';

/**
 * The `message.created` event of a stored message. Its id is the message's: the committing
 * process publishes it at once, and a sweeper that finds the send's batch unconfirmed makes it
 * again from the stored message (`message-sent.outbox.ts`), so a second delivery carries the same
 * id and receivers drop it (docs/architecture.md, Events).
 */
export function messageCreatedEvent(message: ChatMessage, requestId?: string | null): EventEnvelope<'message.created'> {
  return {
    id: message.id,
    type: 'message.created',
    routing_key: routingKeys.session(message.session_id, 'message.created'),
    occurred_at: message.created_at,
    data: { message },
    ...(requestId ? { request_id: requestId } : {}),
  };
}
