import { z } from 'zod';
import { LIMITS } from './limits';
import { sessionIdSchema } from './api-schemas';
import type { Availability } from './availability';

/** typing and stop_typing: `{ session_id }`. */
export const typingSchema = z.strictObject({ session_id: sessionIdSchema });

const messageIdsSchema = z
  .array(z.uuid({ message: 'message_ids must hold message UUIDs' }), { message: 'message_ids must be an array of message UUIDs' })
  .min(1, { message: 'message_ids must name at least one message; omit it to mark everything read' })
  .max(LIMITS.markReadMaxIds, { message: `message_ids may name at most ${LIMITS.markReadMaxIds} messages` })
  .nullable()
  .optional();

/** POST /sessions/:id/read body: optional `{ message_ids }`; none means everything up to now. */
export const markAsReadBodySchema = z.strictObject({ message_ids: messageIdsSchema });

/** mark_as_read: `{ session_id, message_ids? }`. */
export const markAsReadSchema = markAsReadBodySchema.extend({ session_id: sessionIdSchema });

export type MarkAsReadInput = z.infer<typeof markAsReadSchema>;

/** An online support agent or admin, as GET /api/v1/chat/agents/online lists them. */
export interface OnlineAgent {
  user_id: string;
  role: string;
  name: string;
  /** How many sockets the agent has open, over every gateway. */
  connections: number;
  /** The sessions the agent has joined right now. */
  session_ids: string[];
  online_since: string;
  /** Support agents: `available` or `away` (admins are never auto-assigned). */
  availability: Availability;
}
