import type { EventBus, Subscription } from '@parley/bus';
import { routingKeys, type ChatSession, type EventEnvelope } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import type { KnownSessions } from '../domain/message-search.ports';
import type { MessageService } from '../domain/message.service';
import { systemMessageFor } from '../domain/system-messages';
import { inSessionOrder } from './in-session-order';

/**
 * The message service's durable queue for what the session service announces, named after the
 * exchange: two Parley installations (or test stacks) on one broker must not take each other's events.
 */
export const sessionEventsQueue = (exchange: string) => `${exchange}.message.session-events`;

/**
 * session.created with an initial message → the chat's first message; accepted, transferred,
 * resolved, closed and reopened → a system message. Every event that carries the session also
 * updates what this service knows of it (its requester and status, for searches and reports). A
 * failed write is retried (the queue is durable and shared by every message service instance), so
 * none is lost; each is written once per event. The events of one session are handled in the order
 * they arrive, so its system lines follow its lifecycle.
 */
export function consumeSessionEvents(bus: EventBus, exchange: string, service: MessageService, known: KnownSessions, logger: Logger): Promise<Subscription> {
  const inOrder = inSessionOrder();
  return bus.subscribe(
    { queue: sessionEventsQueue(exchange), exclusive: false, patterns: [routingKeys.lifecyclePattern()], retryFailed: true },
    (event: EventEnvelope) => {
      const carried = (event.data as { session?: ChatSession }).session;
      return carried ? inOrder(carried.id, () => handle(event, carried)) : handle(event, carried);
    },
  );

  async function handle(event: EventEnvelope, carried: ChatSession | undefined): Promise<void> {
    if (carried) await known.record(carried);
    if (event.type === 'session.created') {
      const { session, initial_message } = (event as EventEnvelope<'session.created'>).data;
      if (initial_message) await service.recordInitialMessage(session, initial_message);
      return;
    }
    const line = systemMessageFor(event);
    const sessionId = (event.data as { session?: { id: string } }).session?.id;
    if (!line || !sessionId) return;
    const { created } = await service.recordSystemMessage(sessionId, line, event.id);
    if (created) logger.debug({ sessionId, event: event.type }, 'system message stored');
  }
}
