import type { Readable } from 'node:stream';
import type { ChatMessage, ChatSession, Identity, UploadedAttachment } from '@parley/contracts';

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
  list(caller: Caller, query: { status?: string; limit: number; offset: number }): Promise<ChatSession[]>;
}

/** The message service, as the gateway calls it. */
export interface MessagesApi {
  send(
    caller: Caller,
    input: { session_id: string; content: string; message_type: string; temp_id?: string; attachment_ids?: string[] },
  ): Promise<{ message: ChatMessage; created: boolean }>;
  list(caller: Caller, query: { session_id: string; limit: number; offset?: number; after_seq?: number }): Promise<MessagePage>;
  summaries(caller: Caller, sessionIds: string[]): Promise<SessionSummary[]>;
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
