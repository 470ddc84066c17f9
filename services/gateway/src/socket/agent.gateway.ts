import type { Logger } from '@parley/logger';
import type { AgentService } from '../domain/agent.service';
import type { ChatService } from '../domain/chat.service';
import type { SessionRooms } from '../delivery/session-rooms';
import { clientEvent, type ClientEventListener } from './event-handler';
import { joinSession } from './session.gateway';

/**
 * accept_chat, close_chat and transfer_chat. Their broadcasts (chat_accepted, chat_closed,
 * chat_transferred, session_status_changed) come back through the bus to the session's room and
 * to every agent, on every gateway; the ack answers the caller.
 */
export function agentEvents(agents: AgentService, chat: ChatService, rooms: SessionRooms, logger: Logger): ClientEventListener[] {
  const accept = clientEvent('accept_chat', logger, async (socket, payload, caller) => {
    const accepted = await agents.acceptChat(caller, payload);
    // The agent who took the chat is in it at once. The accept has committed by now, so a failed
    // join does not turn it into an error (the agent would retry and be told the chat is taken).
    try {
      await joinSession(socket, chat, rooms, caller, { session_id: accepted.session.id });
      return accepted;
    } catch (error) {
      logger.warn({ err: (error as Error).message, sessionId: accepted.session.id }, 'chat accepted, but joining it failed; the ack says joined: false');
      return { ...accepted, joined: false as const };
    }
  });

  return [
    accept,
    clientEvent('close_chat', logger, (_socket, payload, caller) => agents.closeChat(caller, payload)),
    clientEvent('transfer_chat', logger, (_socket, payload, caller) => agents.transferChat(caller, payload)),
  ];
}
