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
export interface SessionLeftEvent {
  session_id: string;
}
export interface ErrorEvent {
  code: ErrorCode;
  message: string;
  /** The event that failed, when the error answers one. */
  event?: string;
  temp_id?: string;
}

export type Ack<T> = (response: { ok: true; data: T } | { ok: false; error: ErrorEvent }) => void;

export interface ClientToServerEvents {
  join_session: (payload: JoinSessionPayload, ack?: Ack<SessionJoinedEvent>) => void;
  send_message: (payload: SendMessagePayload, ack?: Ack<MessageSentEvent>) => void;
  leave_session: (payload: SessionRefPayload, ack?: Ack<SessionLeftEvent>) => void;
}

export interface ServerToClientEvents {
  session_joined: (data: SessionJoinedEvent) => void;
  new_message: (data: NewMessageEvent) => void;
  message_sent: (data: MessageSentEvent) => void;
  session_left: (data: SessionLeftEvent) => void;
  error: (data: ErrorEvent) => void;
}
