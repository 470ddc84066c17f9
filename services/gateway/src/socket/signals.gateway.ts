import type { Logger } from '@parley/logger';
import type { SignalsService } from '../domain/signals.service';
import { onEvent } from './event-handler';
import type { GatewaySocket } from './socket.types';

/**
 * typing, stop_typing, mark_as_read and set_availability. The answers travel through the bus (`user_typing`,
 * `typing_stopped`, `messages_read` to the others in the session); the sender gets the ack.
 */
export function registerSignalEvents(socket: GatewaySocket, signals: SignalsService, logger: Logger): void {
  onEvent(socket, 'typing', logger, (payload, caller) => signals.typing(caller, socket.data.ref, payload));
  onEvent(socket, 'stop_typing', logger, (payload, caller) => signals.stopTyping(caller, socket.data.ref, payload));
  onEvent(socket, 'mark_as_read', logger, (payload, caller) => signals.markAsRead(caller, payload));
  // Every agent hears it as `availability_changed` through the bus; the ack answers the agent.
  onEvent(socket, 'set_availability', logger, (payload, caller) => signals.setAvailability(caller, payload));
}
