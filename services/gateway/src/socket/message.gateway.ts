import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import type { ChatService } from '../domain/chat.service';
import { onEvent, type EventOptions } from './event-handler';
import type { GatewaySocket } from './socket.types';

/**
 * send_message: `message_sent` to the sender; `new_message` reaches the room through the bus.
 * `options` bound the sends waiting for an answer and say when a refused one may come again.
 */
export function registerMessageEvents(socket: GatewaySocket, chat: ChatService, logger: Logger, options: EventOptions = {}): void {
  onEvent(
    socket,
    'send_message',
    logger,
    async (payload, caller) => {
      const stopTimer = metrics.messageSendDuration.startTimer();
      const sent = await chat.sendMessage(caller, payload);
      stopTimer();
      socket.emit('message_sent', sent);
      metrics.socketEventsOut.inc({ event: 'message_sent' });
      return sent;
    },
    options,
  );
}
