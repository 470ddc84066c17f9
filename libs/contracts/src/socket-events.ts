import type { AgentClientEvents, AgentServerEvents } from './agent-socket-events';
import type { Ack, ErrorEvent, JoinSessionPayload, MarkAsReadPayload, MessageSentEvent, MessagesReadEvent, SendMessageAnswer, NewMessageEvent, SendMessagePayload, SessionJoinedEvent, SessionLeftEvent, SessionRefPayload, TypingPayload, TypingStoppedEvent, UserJoinedEvent, UserLeftEvent, UserTypingEvent } from './socket-payloads';

/** The Socket.io event maps (docs/api.md, Socket.io); their payloads and answers are in socket-payloads.ts. */
export interface ClientToServerEvents extends AgentClientEvents {
  join_session: (payload: JoinSessionPayload, ack?: Ack<SessionJoinedEvent>) => void;
  send_message: (payload: SendMessagePayload, ack?: Ack<SendMessageAnswer>) => void;
  leave_session: (payload: SessionRefPayload, ack?: Ack<SessionLeftEvent>) => void;
  typing: (payload: TypingPayload, ack?: Ack<{ session_id: string }>) => void;
  stop_typing: (payload: TypingPayload, ack?: Ack<{ session_id: string }>) => void;
  mark_as_read: (payload: MarkAsReadPayload, ack?: Ack<MessagesReadEvent>) => void;
}

export interface ServerToClientEvents extends AgentServerEvents {
  session_joined: (data: SessionJoinedEvent) => void;
  new_message: (data: NewMessageEvent) => void;
  message_sent: (data: MessageSentEvent) => void;
  session_left: (data: SessionLeftEvent) => void;
  user_joined: (data: UserJoinedEvent) => void;
  user_left: (data: UserLeftEvent) => void;
  user_typing: (data: UserTypingEvent) => void;
  typing_stopped: (data: TypingStoppedEvent) => void;
  messages_read: (data: MessagesReadEvent) => void;
  error: (data: ErrorEvent) => void;
}
