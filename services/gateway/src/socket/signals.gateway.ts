import type { Logger } from '@parley/logger';
import type { SignalsService } from '../domain/signals.service';
import type { TypingService, TypingSocket } from '../domain/typing.service';
import { clientEvent, type ClientEventListener } from './event-handler';
import type { GatewaySocket } from './socket.types';

/** The socket as typing sees it: only a session it has joined (and whose join was answered) counts. */
export const typingSocketOf = (socket: GatewaySocket): TypingSocket => ({
  joined: (sessionId) => socket.data.sessions.get(sessionId)?.pending === null,
  announced: socket.data.typing,
});

/**
 * typing, stop_typing, mark_as_read and set_availability. The answers travel through the bus (`user_typing`,
 * `typing_stopped`, `messages_read` to the others in the session); the sender gets the ack.
 */
export function signalEvents(signals: SignalsService, typing: TypingService, logger: Logger): ClientEventListener[] {
  // Nothing the socket sends later depends on these: they wait for what came before (a join), never the other way round.
  const side = { lane: 'side' } as const;
  return [
    clientEvent('typing', logger, async (socket, payload, caller) => typing.typing(caller, typingSocketOf(socket), payload), side),
    clientEvent('stop_typing', logger, async (socket, payload, caller) => typing.stopTyping(caller, typingSocketOf(socket), payload), side),
    clientEvent('mark_as_read', logger, (_socket, payload, caller) => signals.markAsRead(caller, payload), side),
    // Every agent hears it as `availability_changed` through the bus; the ack answers the agent.
    clientEvent('set_availability', logger, (_socket, payload, caller) => signals.setAvailability(caller, payload)),
  ];
}
