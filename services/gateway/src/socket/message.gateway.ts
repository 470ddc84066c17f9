import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import type { ChatService } from '../domain/chat.service';
import type { SessionRooms } from '../delivery/session-rooms';
import { clientEvent, type ClientEventListener, type EventOptions } from './event-handler';
import type { GatewaySocket } from './socket.types';

/** How many of its own sends a socket remembers, to skip their `new_message` echo (docs/api.md). */
const OWN_SENDS_KEPT = 64;

/**
 * send_message: one answer to the sender. A client that passed an ack gets only the ack, carrying
 * the stored message, and its socket no `new_message` echo of it (the sender's other sockets do);
 * a client without an ack gets `message_sent` and the echo, as the protocol has always had it.
 * `new_message` reaches the room through the bus. `options` bound the sends waiting for an answer
 * and say when a refused one may come again. The answer never overtakes an earlier message of the
 * session on its way to this socket (`rooms.beforeAck`).
 */
export function messageEvents(chat: ChatService, rooms: Pick<SessionRooms, 'beforeAck' | 'ackSent'>, logger: Logger, options: EventOptions = {}): ClientEventListener[] {
  const sendDuration = metrics.messageSendDuration;
  const messageSentOut = metrics.socketEventsOut.labels({ event: 'message_sent' });
  const sendMessage = clientEvent(
    'send_message',
    logger,
    async (socket, payload, caller, { byAck }) => {
      const stopTimer = sendDuration.startTimer();
      const own = byAck ? ownSendKey(payload) : undefined;
      if (own) {
        rememberOwnSend(socket, own);
        socket.data.acksDue.add(own);
      }
      try {
        const { sent, message } = await chat.sendMessage(caller, payload);
        await rooms.beforeAck(socket, message);
        stopTimer();
        if (byAck) return { ...sent, message };
        socket.emit('message_sent', sent);
        messageSentOut.inc();
        return sent;
      } catch (error) {
        if (own) socket.data.ownSends.delete(own);
        throw error;
      } finally {
        // After the ack, which goes out when this handler's promise settles.
        if (own)
          setImmediate(() => {
            socket.data.acksDue.delete(own);
            rooms.ackSent(socket);
          });
      }
    },
    options,
  );
  return [sendMessage];
}

/** The key of a send whose echo the socket skips: its session and temp_id, as the message will carry them. */
export const ownSendKey = (payload: unknown): string | undefined => {
  const { session_id, temp_id } = (payload ?? {}) as { session_id?: unknown; temp_id?: unknown };
  return typeof session_id === 'string' && typeof temp_id === 'string' ? `${session_id.toLowerCase()}:${temp_id}` : undefined;
};

function rememberOwnSend(socket: GatewaySocket, key: string): void {
  const own = socket.data.ownSends;
  own.add(key);
  if (own.size > OWN_SENDS_KEPT) own.delete(own.values().next().value as string);
}
