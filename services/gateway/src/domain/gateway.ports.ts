import type { Readable } from 'node:stream';
import type { Availability, AvailabilityChangedEvent, ChatMessage, ChatSession, Identity, OnlineAgent, Participant, UploadedAttachment } from '@parley/contracts';

/** The gateway acting for itself (its batch calls, reading missed messages): a service, not a user. */
export const gatewayIdentity = (gatewayId: string): Identity => ({ userId: `gateway:${gatewayId}`, role: 'service', name: 'gateway' });

/** Who asks, and the id that follows the request through every service. */
export interface Caller {
  identity: Identity;
  requestId?: string;
}

export interface MessagePage {
  messages: ChatMessage[];
  has_more: boolean;
  last_seq: number;
}

export interface SessionSummary {
  session_id: string;
  unread_count: number;
  last_message: ChatMessage | null;
}

/** The session service, as the gateway calls it. */
export interface SessionsApi {
  create(
    caller: Caller,
    input: { subject: string; category?: string; priority: string; restaurant_id?: string; ticket_id?: string; initial_message?: string },
  ): Promise<ChatSession>;
  get(caller: Caller, sessionId: string): Promise<ChatSession>;
  list(caller: Caller, query: { status?: string; assigned?: 'me'; limit: number; offset: number }): Promise<ChatSession[]>;
  accept(caller: Caller, sessionId: string): Promise<ChatSession>;
  assign(caller: Caller, sessionId: string, agent: { agent_id?: string; agent_name?: string }): Promise<ChatSession>;
  transfer(caller: Caller, sessionId: string, agent: { agent_id: string; agent_name: string }): Promise<ChatSession>;
  updateStatus(caller: Caller, sessionId: string, status: string): Promise<ChatSession>;
}

/** The message service, as the gateway calls it. */
export interface MessagesApi {
  send(
    caller: Caller,
    input: { session_id: string; content: string; message_type: string; temp_id?: string; attachment_ids?: string[] },
  ): Promise<{ message: ChatMessage; created: boolean }>;
  list(caller: Caller, query: { session_id: string; limit: number; offset?: number; after_seq?: number }): Promise<MessagePage>;
  summaries(caller: Caller, sessionIds: string[]): Promise<SessionSummary[]>;
  /** Marks messages read (all up to now without ids); answers the newly read ids. */
  markRead(caller: Caller, input: { session_id: string; message_ids?: string[] | null }): Promise<string[]>;
}

/** One socket of this gateway, as the presence service knows it. */
export interface SocketRef {
  gatewayId: string;
  socketId: string;
}

/** The presence service, as the gateway calls it. */
export interface PresenceApi {
  connect(caller: Caller, socket: SocketRef): Promise<void>;
  disconnect(caller: Caller, socket: SocketRef): Promise<void>;
  /** Who is in the session now, the joining user included. */
  join(caller: Caller, socket: SocketRef, sessionId: string): Promise<Participant[]>;
  leave(caller: Caller, socket: SocketRef, sessionId: string): Promise<void>;
  /** False when the lease had run out and this gateway's sockets were reaped. */
  renewLease(caller: Caller, gatewayId: string): Promise<boolean>;
  releaseGateway(caller: Caller, gatewayId: string): Promise<void>;
  onlineAgents(caller: Caller): Promise<OnlineAgent[]>;
  /** A support agent becomes available or goes away. */
  setAvailability(caller: Caller, status: Availability): Promise<AvailabilityChangedEvent>;
}

export interface AttachmentDownload {
  info: { file_name: string; content_type: string; size: number };
  body: Readable;
}

/** The attachment service, as the gateway calls it. */
export interface AttachmentsApi {
  /** Streams one file to the service; rejects with the source's error if the source fails. */
  upload(caller: Caller, file: { file_name: string; declared_type: string; data: AsyncIterable<Buffer> }): Promise<UploadedAttachment>;
  remove(caller: Caller, attachmentId: string): Promise<void>;
  get(caller: Caller, attachmentId: string): Promise<UploadedAttachment>;
  createLink(caller: Caller, attachmentId: string, thumbnail: boolean): Promise<{ url: string; expires_at: string }>;
  download(caller: Caller, request: { attachment_id: string; thumbnail: boolean; expires?: string; signature?: string }): Promise<AttachmentDownload>;
}
