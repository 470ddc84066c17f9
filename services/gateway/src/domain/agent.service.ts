import {
  acceptChatSchema,
  assignSessionBodySchema,
  closeChatSchema,
  sessionIdSchema,
  transferChatSchema,
  transferSessionBodySchema,
  updateStatusBodySchema,
  validate,
  type ChatAcceptedEvent,
  type ChatClosedEvent,
  type ChatSession,
  type ChatTransferredEvent,
} from '@parley/contracts';
import type { Caller, SessionsApi } from './gateway.ports';

/**
 * Agents at work, whichever transport asked: accept, assign, transfer, and the status changes
 * (close_chat is PATCH status closed). The session service decides who may; this validates first.
 */
export function createAgentService(sessions: SessionsApi) {
  return {
    async acceptChat(caller: Caller, payload: unknown): Promise<ChatAcceptedEvent> {
      const { session_id } = validate(acceptChatSchema, payload);
      const session = await sessions.accept(caller, session_id);
      return { session, agent_id: session.agent_id as string, agent_name: session.agent_name as string };
    },

    async closeChat(caller: Caller, payload: unknown): Promise<ChatClosedEvent> {
      const { session_id } = validate(closeChatSchema, payload);
      return { session: await sessions.updateStatus(caller, session_id, 'closed'), closed_by: caller.identity.userId };
    },

    async transferChat(caller: Caller, payload: unknown): Promise<ChatTransferredEvent> {
      const { session_id, agent_id, agent_name } = validate(transferChatSchema, payload);
      const before = await sessions.get(caller, session_id);
      const session = await sessions.transfer(caller, session_id, { agent_id, agent_name });
      return { session, from_agent_id: before.agent_id ?? '', to_agent_id: agent_id, to_agent_name: agent_name };
    },

    async assign(caller: Caller, sessionId: unknown, body: unknown): Promise<ChatSession> {
      const id = validate(sessionIdSchema, sessionId);
      return sessions.assign(caller, id, validate(assignSessionBodySchema, body ?? {}));
    },

    async transfer(caller: Caller, sessionId: unknown, body: unknown): Promise<ChatSession> {
      const id = validate(sessionIdSchema, sessionId);
      return sessions.transfer(caller, id, validate(transferSessionBodySchema, body ?? {}));
    },

    async updateStatus(caller: Caller, sessionId: unknown, body: unknown): Promise<ChatSession> {
      const id = validate(sessionIdSchema, sessionId);
      return sessions.updateStatus(caller, id, validate(updateStatusBodySchema, body ?? {}).status);
    },
  };
}

export type AgentService = ReturnType<typeof createAgentService>;
