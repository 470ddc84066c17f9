import { z } from 'zod';
import { LIMITS } from './limits';
import { noNul, text } from './api-schemas';

/**
 * A canned response: text an agent inserts by typing `/` and its shortcut in the composer.
 * Shared ones are the team's (every agent sees them, admins edit them); the others are their
 * owner's alone.
 */
export interface CannedResponse {
  id: string;
  shortcut: string;
  title: string;
  /** May hold `{{customer_name}}` and `{{agent_name}}`, filled in when it is inserted. */
  content: string;
  shared: boolean;
  created_at: string;
  updated_at: string;
}

export const CANNED_RESPONSE_LIMITS = {
  shortcutMaxLength: 32,
  titleMaxLength: 100,
  /** Personal responses one agent may keep. */
  perAgent: 200,
  /** Shared responses the team may keep. */
  shared: 500,
} as const;

export const cannedResponseIdSchema = z.uuid({ message: 'the canned response id must be a UUID' });

/** What is typed after `/`: letters, digits, `-` and `_`, stored in lower case. */
const shortcut = z
  .string({ message: 'shortcut must be a string' })
  .trim()
  .toLowerCase()
  .min(1, { message: 'shortcut must not be empty' })
  .max(CANNED_RESPONSE_LIMITS.shortcutMaxLength, { message: `shortcut must be at most ${CANNED_RESPONSE_LIMITS.shortcutMaxLength} characters` })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, { message: 'shortcut: letters, digits, - and _ only (it is typed after /)' })
  .refine(...noNul('shortcut'));

const fields = {
  shortcut,
  title: text('title', CANNED_RESPONSE_LIMITS.titleMaxLength),
  content: text('content', LIMITS.contentMaxLength),
  shared: z.boolean({ message: 'shared must be true or false' }),
};

/** POST /canned-responses. */
export const createCannedResponseSchema = z.strictObject({ ...fields, shared: fields.shared.default(false) });

/** PATCH /canned-responses/:id: any of the fields, at least one. */
export const updateCannedResponseSchema = z
  .strictObject({ shortcut: fields.shortcut.optional(), title: fields.title.optional(), content: fields.content.optional(), shared: fields.shared.optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: 'name at least one of shortcut, title, content, shared to change' });

export type CreateCannedResponseInput = z.infer<typeof createCannedResponseSchema>;
export type UpdateCannedResponseInput = z.infer<typeof updateCannedResponseSchema>;
