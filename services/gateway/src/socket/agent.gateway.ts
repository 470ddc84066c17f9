import type { Logger } from '@parley/logger';
import type { AgentService } from '../domain/agent.service';
import type { ChatService } from '../domain/chat.service';
import type { SessionRooms } from '../delivery/session-rooms';
import { onEvent } from './event-handler';
import { joinSession } from './session.gateway';
import type { GatewaySocket } from './socket.types';

/**
 * accept_chat, close_chat and transfer_chat. Their broadcasts (chat_accepted, chat_closed,
 * chat_transferred, session_status_changed) come back through the bus to the session's room and
 * to every agent, on every gateway; the ack answers the caller.
 */
export function registerAgentEvents(socket: GatewaySocket, agents: AgentService, chat: ChatService, rooms: SessionRooms, logger: Logger): void {
  onEvent(socket, 'accept_chat', logger, async (payload, caller) => {
    const accepted = await agents.acceptChat(caller, payload);
    // The agent who took the chat is in it at once.
    await joinSession(socket, chat, rooms, caller, { session_id: accepted.session.id });
    return accepted;
  });

  onEvent(socket, 'close_chat', logger, (payload, caller) => agents.closeChat(caller, payload));

  onEvent(socket, 'transfer_chat', logger, (payload, caller) => agents.transferChat(caller, payload));
}
