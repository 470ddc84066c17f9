import type { ChatSession } from './session';

/** Who did something: enough to write "Ana accepted the chat" without asking anyone. */
export interface Actor {
  user_id: string;
  role: string;
  name: string;
}

/** Payloads of the session service's lifecycle events (routing key `session.<id>.session.<event>`). */
export interface SessionAcceptedPayload {
  session: ChatSession;
  agent_id: string;
  agent_name: string;
  /** The agent themself (accept), or whoever assigned the chat. */
  by: Actor;
}

export interface SessionTransferredPayload {
  session: ChatSession;
  from_agent_id: string;
  from_agent_name: string;
  to_agent_id: string;
  to_agent_name: string;
  by: Actor;
}

export interface SessionStatusChangedPayload {
  session: ChatSession;
  previous_status: ChatSession['status'];
  by: Actor;
}

/** The waiting queue after a change, most urgent then longest waiting first (at most QUEUE_EVENT_MAX ids). */
export interface QueueChangedPayload {
  /** Increases with every change; a receiver ignores a version older than one it has seen. */
  version: number;
  waiting: string[];
  total: number;
}

export const QUEUE_EVENT_MAX = 500;
