import { z } from 'zod';
import { LIMITS } from './limits';
import { PRIORITIES, SESSION_STATUSES } from './session';
import { USER_MESSAGE_TYPES } from './message';

/**
 * The shapes of everything a client sends, socket events and REST bodies alike. The gateway
 * validates with these and nothing else, so the API docs generated from them cannot drift.
 */
export const sessionIdSchema = z.uuid({ message: 'session_id must be a UUID' });

// PostgreSQL text cannot hold U+0000, so it is refused up front as the caller's mistake.
const noNul = (field: string) => [(v: string) => !v.includes('\u0000'), { message: `${field} must not contain NUL characters` }] as const;

const text = (field: string, max: number) =>
  z
    .string({ message: `${field} must be a string` })
    .trim()
    .min(1, { message: `${field} must not be empty` })
    .max(max, { message: `${field} must be at most ${max} characters` })
    .refine(...noNul(field));

export const joinSessionSchema = z.strictObject({
  session_id: sessionIdSchema,
  last_seq: z.number().int().min(0).optional(),
});

export const sessionRefSchema = z.strictObject({ session_id: sessionIdSchema });

export const sendMessageSchema = z.strictObject({
  session_id: sessionIdSchema,
  content: text('content', LIMITS.contentMaxLength),
  message_type: z.enum(USER_MESSAGE_TYPES).default('text'),
  temp_id: z
    .string()
    .min(1)
    .max(LIMITS.tempIdMaxLength)
    .refine(...noNul('temp_id'))
    .optional(),
});

export const createSessionSchema = z.strictObject({
  subject: text('subject', LIMITS.subjectMaxLength),
  category: text('category', LIMITS.categoryMaxLength).optional(),
  priority: z.enum(PRIORITIES).default('medium'),
  restaurant_id: z.uuid({ message: 'restaurant_id must be a UUID' }).optional(),
  ticket_id: z.uuid({ message: 'ticket_id must be a UUID' }).optional(),
  initial_message: text('initial_message', LIMITS.contentMaxLength).optional(),
});

export const acceptChatSchema = sessionRefSchema;
export const closeChatSchema = sessionRefSchema;

const agentRef = {
  agent_id: z.string().trim().min(1).max(128).refine(...noNul('agent_id')),
  agent_name: text('agent_name', 200),
};

export const transferChatSchema = z.strictObject({ session_id: sessionIdSchema, ...agentRef });

/** POST /sessions/:id/assign: support takes the chat; an admin may name the agent. */
export const assignSessionBodySchema = z.strictObject({
  agent_id: agentRef.agent_id.optional(),
  agent_name: agentRef.agent_name.optional(),
});

export const transferSessionBodySchema = z.strictObject(agentRef);

export const updateStatusBodySchema = z.strictObject({
  status: z.enum(SESSION_STATUSES, { message: `status must be one of ${SESSION_STATUSES.join(', ')}` }),
});

export const listSessionsQuerySchema = z.strictObject({
  status: z.enum(SESSION_STATUSES).optional(),
  /** Support: `me` lists the chats assigned to the caller. */
  assigned: z.enum(['me']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const listMessagesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.historyMaxLimit).default(LIMITS.historyDefaultLimit),
  offset: z.coerce.number().int().min(0).default(0),
  /** Catch-up cursor: only messages with a larger `seq`, oldest first. */
  after_seq: z.coerce.number().int().min(0).optional(),
});

export type CreateSessionInput = z.infer<typeof createSessionSchema>;
export type SendMessageInput = z.infer<typeof sendMessageSchema>;
export type ListSessionsQuery = z.infer<typeof listSessionsQuerySchema>;
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;
