import type { EventBus, Subscription } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import type { MessageService } from '../domain/message.service';

/** The message service's durable queue for what the session service announces. */
export const SESSION_EVENTS_QUEUE = 'parley.message.session-events';

/**
 * session.created with an initial message → the chat's first message. A failed write is retried
 * (the queue is durable and shared by every message service instance), so it is never lost.
 */
export function consumeSessionEvents(bus: EventBus, service: MessageService, logger: Logger): Promise<Subscription> {
  return bus.subscribe(
    { queue: SESSION_EVENTS_QUEUE, exclusive: false, patterns: ['session.*.session.created'], retryFailed: true },
    async (event: EventEnvelope) => {
      if (event.type !== 'session.created') return;
      const { session, initial_message } = (event as EventEnvelope<'session.created'>).data;
      if (!initial_message) return;
      const { created } = await service.recordInitialMessage(session, initial_message);
      if (created) logger.debug({ sessionId: session.id }, 'initial message stored');
    },
  );
}
