import { z } from 'zod';
import type { ChatSession } from './session';
import type { Actor } from './lifecycle';
import type { Identity } from './identity';

/** Whether a support agent takes new chats: auto-assignment only hands chats to `available` agents. */
export const AVAILABILITY = ['available', 'away'] as const;
export type Availability = (typeof AVAILABILITY)[number];

/** set_availability and PUT /api/v1/chat/agents/me/availability: `{ status }`. */
export const setAvailabilitySchema = z.strictObject({
  status: z.enum(AVAILABILITY, { message: `status must be one of: ${AVAILABILITY.join(', ')}` }),
});

/** availability_changed, to every agent: who is now available or away. */
export interface AvailabilityChangedEvent {
  agent_id: string;
  agent_name: string;
  status: Availability;
}

/** A support agent as the assigner sees them (presence service). */
export interface AgentState {
  agent_id: string;
  agent_name: string;
  online: boolean;
  availability: Availability;
  /** When the agent's last connection went; null while online or when never seen. */
  offline_since: string | null;
}

/** Why a chat went back to the queue without anyone asking. */
export const REQUEUE_REASONS = ['agent_offline', 'no_reply'] as const;
export type RequeueReason = (typeof REQUEUE_REASONS)[number];

/** session.requeued: the assigned agent left the chat unanswered, so it waits again. */
export interface SessionRequeuedPayload {
  session: ChatSession;
  from_agent_id: string;
  from_agent_name: string;
  reason: RequeueReason;
  by: Actor;
}

/** chat_requeued, to the chat and every agent. */
export interface ChatRequeuedEvent {
  session: ChatSession;
  from_agent_id: string;
  reason: RequeueReason;
}

/** Who acts when Parley acts by itself (auto-assignment, requeues): a service identity named Parley. */
export const SYSTEM_IDENTITY: Identity = { userId: 'parley', role: 'service', name: 'Parley' };
