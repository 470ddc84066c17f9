import type { ErrorCode } from '@parley/errors';
import type { ChatMessage } from './message';
import type { ChatSession } from './session';

/** What a client sends. Every event may carry an ack callback; the ack gets the same answer as the event. */
export interface JoinSessionPayload {
  session_id: string;
  /** The last `seq` the client has; the answer then holds only the messages after it. */
  last_seq?: number;
}
export interface SendMessagePayload {
  session_id: string;
  content: string;
  message_type?: 'text' | 'image' | 'file';
  temp_id?: string;
  /** Ids of pre-uploaded files (POST /api/v1/chat/upload) to send with the message. */
  attachment_ids?: string[];
}
export interface SessionRefPayload {
  session_id: string;
}

export interface TypingPayload {
  session_id: string;
}
export interface MarkAsReadPayload {
  session_id: string;
  /** Omitted (or null): everything in the session up to now. */
  message_ids?: string[] | null;
}

export interface Participant {
  user_id: string;
  role: string;
  name: string;
}

export interface SessionJoinedEvent {
  session: ChatSession;
  messages: ChatMessage[];
  participants: Participant[];
  /** True when more missed messages exist than were sent; page the rest with `after_seq` over REST. */
  has_more: boolean;
  /** The highest `seq` in the session when it was joined. */
  last_seq: number;
}
export interface NewMessageEvent {
  message: ChatMessage;
}
export interface MessageSentEvent {
  message_id: string;
  temp_id: string | null;
  sent_at: string;
  seq: number;
  session_id: string;
}
/**
 * What the ack of `send_message` carries *(Parley)*: `message_sent`'s fields and the stored message.
 * The acked socket gets neither `message_sent` nor its own `new_message` echo (docs/api.md); a
 * gateway of the previous version answered without `message`, and echoed.
 */
export interface SendMessageAnswer extends MessageSentEvent {
  message?: ChatMessage;
}
export interface SessionLeftEvent {
  session_id: string;
}
export interface UserJoinedEvent {
  user_id: string;
  role: string;
  name: string;
}
export interface UserLeftEvent {
  user_id: string;
  role: string;
}
export interface UserTypingEvent {
  session_id: string;
  user_id: string;
  user_name: string;
}
export interface TypingStoppedEvent {
  session_id: string;
  user_id: string;
}
export interface MessagesReadEvent {
  session_id: string;
  user_id: string;
  message_ids: string[];
}
export interface ErrorEvent {
  code: ErrorCode;
  message: string;
  /** The event that failed, when the error answers one. */
  event?: string;
  temp_id?: string;
  /** With RESOURCE_EXHAUSTED: how long to wait before trying the same request again. */
  retry_after_ms?: number;
}

export type Ack<T> = (response: { ok: true; data: T } | { ok: false; error: ErrorEvent }) => void;
