import { z } from 'zod';
import { LIMITS } from './limits';
import { PRIORITIES, SESSION_STATUSES } from './session';
import { USER_MESSAGE_TYPES } from './message';
import { ATTACHMENT_DEFAULTS } from './attachments';

/**
 * The shapes of everything a client sends, socket events and REST bodies alike. The gateway
 * validates with these and nothing else, so the API docs generated from them cannot drift.
 */
export const sessionIdSchema = z.uuid({ message: 'session_id must be a UUID' });

// PostgreSQL text cannot hold U+0000, so it is refused up front as the caller's mistake.
export const noNul = (field: string) => [(v: string) => !v.includes('\u0000'), { message: `${field} must not contain NUL characters` }] as const;

/** A trimmed, non-empty string of at most `max` characters without NUL, named `field` in its errors. */
export const text = (field: string, max: number) =>
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

export const attachmentIdSchema = z.uuid({ message: 'attachment id must be a UUID' });

export const sessionRefSchema = z.strictObject({ session_id: sessionIdSchema });

/** The fields of a message a client sends; content may be empty only when files go with it. */
export const sendMessageFields = {
  session_id: sessionIdSchema,
  content: z
    .string({ message: 'content must be a string' })
    .trim()
    .max(LIMITS.contentMaxLength, { message: `content must be at most ${LIMITS.contentMaxLength} characters` })
    .refine(...noNul('content'))
    .default(''),
  message_type: z.enum(USER_MESSAGE_TYPES).default('text'),
  temp_id: z
    .string()
    .min(1)
    .max(LIMITS.tempIdMaxLength)
    .refine(...noNul('temp_id'))
    .optional(),
  attachment_ids: z
    .array(z.uuid({ message: 'attachment_ids must be UUIDs' }), { message: 'attachment_ids must be an array of UUIDs' })
    .max(ATTACHMENT_DEFAULTS.maxFiles, { message: `attachment_ids: at most ${ATTACHMENT_DEFAULTS.maxFiles} attachments a message` })
    .optional(),
};

const needsContentOrFiles = (value: { content: string; attachment_ids?: string[] }, ctx: z.RefinementCtx) => {
  if (value.content === '' && !value.attachment_ids?.length) ctx.addIssue({ code: 'custom', path: ['content'], message: 'content must not be empty' });
};

export const sendMessageSchema = z.strictObject(sendMessageFields).superRefine(needsContentOrFiles);
/** The REST variant: the session comes from the path. */
const { content, message_type, temp_id, attachment_ids } = sendMessageFields;
export const sendMessageBodySchema = z.strictObject({ content, message_type, temp_id, attachment_ids }).superRefine(needsContentOrFiles);

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
