import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import type { ChatService } from '../domain/chat.service';
import { onEvent } from './event-handler';
import type { GatewaySocket } from './socket.types';

/** send_message: `message_sent` to the sender; `new_message` reaches the room through the bus. */
export function registerMessageEvents(socket: GatewaySocket, chat: ChatService, logger: Logger): void {
  onEvent(socket, 'send_message', logger, async (payload, caller) => {
    const stopTimer = metrics.messageSendDuration.startTimer();
    const sent = await chat.sendMessage(caller, payload);
    stopTimer();
    socket.emit('message_sent', sent);
    metrics.socketEventsOut.inc({ event: 'message_sent' });
    return sent;
  });
}
