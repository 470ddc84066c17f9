import type { ChatSession } from './session';
import type { Ack, SessionJoinedEvent } from './socket-payloads';
import type { Availability, AvailabilityChangedEvent, ChatRequeuedEvent } from './availability';
import type { ChatRatedEvent } from './ratings';
import type { AgentRoster, Workload } from './reports';

/** Agents at work: what they send. */
export interface AcceptChatPayload {
  session_id: string;
}
export interface CloseChatPayload {
  session_id: string;
}
export interface TransferChatPayload {
  session_id: string;
  agent_id: string;
  agent_name: string;
}

/** The lifecycle events, and Parley's queue events (docs/api.md). */
export interface ChatAcceptedEvent {
  session: ChatSession;
  agent_id: string;
  agent_name: string;
  /**
   * Only in the ack of `accept_chat`, and only when the chat was accepted but putting the accepting
   * socket in it failed (the presence service was unreachable, say): the agent joins with join_session.
   */
  joined?: false;
}
export interface ChatClosedEvent {
  session: ChatSession;
  closed_by: string;
}
export interface SessionStatusChangedEvent {
  session_id: string;
  status: ChatSession['status'];
  agent_id: string | null;
}
export interface ChatTransferredEvent {
  session: ChatSession;
  from_agent_id: string;
  to_agent_id: string;
  to_agent_name: string;
}
export interface SessionQueuedEvent {
  session: ChatSession;
}
export interface QueueUpdatedEvent {
  /** Waiting session ids, most urgent then longest waiting first. */
  waiting: string[];
  total: number;
}
export interface QueuePositionEvent {
  session_id: string;
  /** 1 is next. */
  position: number;
  waiting: number;
}

export interface AgentClientEvents {
  accept_chat: (payload: AcceptChatPayload, ack?: Ack<ChatAcceptedEvent>) => void;
  close_chat: (payload: CloseChatPayload, ack?: Ack<ChatClosedEvent>) => void;
  transfer_chat: (payload: TransferChatPayload, ack?: Ack<ChatTransferredEvent>) => void;
  /** A support agent takes new chats (`available`) or not (`away`). */
  set_availability: (payload: { status: Availability }, ack?: Ack<AvailabilityChangedEvent>) => void;
}

export interface AgentServerEvents {
  chat_accepted: (data: ChatAcceptedEvent) => void;
  chat_closed: (data: ChatClosedEvent) => void;
  session_status_changed: (data: SessionStatusChangedEvent) => void;
  chat_transferred: (data: ChatTransferredEvent) => void;
  session_queued: (data: SessionQueuedEvent) => void;
  queue_updated: (data: QueueUpdatedEvent) => void;
  queue_position: (data: QueuePositionEvent) => void;
  /** Its agent left the chat unanswered (offline past the grace period, or no reply in time): it waits again. */
  chat_requeued: (data: ChatRequeuedEvent) => void;
  /** To every agent: someone became available or went away. */
  availability_changed: (data: AvailabilityChangedEvent) => void;
  /** The requester rated the chat: to the chat and every agent. */
  chat_rated: (data: ChatRatedEvent) => void;
  /** To admins: the queue and every agent's load, whenever either changes. */
  workload_updated: (data: Workload) => void;
  /** To admins: every support agent's state, whenever one comes online, goes offline or changes availability. */
  agents_updated: (data: AgentRoster) => void;
  /** The accepting agent's socket joins the chat at once. */
  session_joined: (data: SessionJoinedEvent) => void;
}
