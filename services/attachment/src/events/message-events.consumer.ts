import type { EventBus, Subscription } from '@parley/bus';
import type { EventEnvelope } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import type { AttachmentService } from '../domain/attachment.service';

/**
 * The attachment service's durable queue for the messages that carry files, named after the
 * exchange: installations (or test stacks) sharing a broker must not take each other's events.
 */
export const messageEventsQueue = (exchange: string) => `${exchange}.attachment.message-events`;

/**
 * message.created with attachments → those uploads now belong to the message. A failed write is
 * retried (durable queue, shared by every attachment service instance), so no link is lost.
 */
export function consumeMessageEvents(bus: EventBus, exchange: string, service: AttachmentService, logger: Logger): Promise<Subscription> {
  return bus.subscribe(
    // Only messages with files reach this queue (the broker filters on the trait): most carry none.
    { queue: messageEventsQueue(exchange), exclusive: false, patterns: ['session.*.message.created'], withTraits: ['has_attachments'], retryFailed: true },
    async (event: EventEnvelope) => {
      if (event.type !== 'message.created') return;
      const { message } = (event as EventEnvelope<'message.created'>).data;
      const linked = await service.markAttached({ id: message.id, session_id: message.session_id, attachments: message.attachments ?? [] });
      if (linked > 0) logger.debug({ messageId: message.id, linked }, 'attachments linked to their message');
    },
  );
}
