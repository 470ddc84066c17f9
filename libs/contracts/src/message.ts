import { isStaff, type Identity } from './identity';

export const MESSAGE_TYPES = ['text', 'image', 'file', 'note', 'system'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/**
 * The message types a user may send; `system` is written by Parley itself, and `note` (a private
 * note) only by staff (docs/api.md).
 */
export const USER_MESSAGE_TYPES = ['text', 'image', 'file', 'note'] as const;
export type UserMessageType = (typeof USER_MESSAGE_TYPES)[number];

/**
 * Whether a private note is shown to someone of `role`: staff only. A customer or restaurant never
 * sees one, anywhere (live, history, catch-up, unread counts, last message, search).
 */
export const seesNotes = (role: Identity['role']): boolean => role === 'service' || isStaff(role);

export interface MessageAttachment {
  id: string;
  file_name: string;
  file_url: string;
  file_size: number;
  file_type: string;
  /** A small preview for images (Parley); null for other files. */
  thumbnail_url?: string | null;
}

export interface ReadReceipt {
  user_id: string;
  read_at: string;
}

/** A chat message as clients see it. `seq` increases by one per message within its session. */
export interface ChatMessage {
  id: string;
  session_id: string;
  seq: number;
  sender_id: string;
  sender_role: string;
  sender_name: string;
  content: string;
  message_type: MessageType;
  temp_id: string | null;
  created_at: string;
  attachments: MessageAttachment[];
  read_by: ReadReceipt[];
}
