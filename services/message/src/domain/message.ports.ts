import { isRequester, isStaff, type ChatMessage, type ChatSession, type EventEnvelope, type Identity, type MessageAttachment, type MessageType } from '@parley/contracts';

export interface NewMessage {
  session_id: string;
  sender_id: string;
  sender_role: string;
  sender_name: string;
  content: string;
  message_type: MessageType;
  temp_id: string | null;
  /** The snapshot of the attachments' metadata, as the attachment service answered the claim. */
  attachments: MessageAttachment[];
}

export interface SendResult {
  message: ChatMessage;
  /** False when the temp_id was seen before and the stored message is returned instead. */
  created: boolean;
}

/** A page of a session's messages, oldest first, and the session's last seq as the same read saw it. */
export interface StoredPage {
  messages: ChatMessage[];
  lastSeq: number;
}

/** What the message domain needs from storage. */
export interface MessageRepository {
  findByTempId(sessionId: string, senderId: string, tempId: string): Promise<ChatMessage | null>;
  /**
   * Stores the message with the session's next seq, moves the sender's read cursor to it and
   * records its `message.created` (`messageCreatedEvent`, carrying `requestId`), all in one
   * transaction. A temp_id the sender used before in the session stores nothing and answers the
   * stored message (created = false), also when the two race.
   */
  send(message: NewMessage, requestId?: string | null): Promise<SendResult>;
  /** The page `offset` messages back from the newest, oldest first; private notes only with `notes`; with the session's last seq. */
  listPage(sessionId: string, limit: number, offset: number, notes: boolean): Promise<StoredPage>;
  /** Messages with seq > afterSeq, oldest first; private notes only with `notes`; with the session's last seq. */
  listAfter(sessionId: string, afterSeq: number, limit: number, notes: boolean): Promise<StoredPage>;
  /** Per session: messages after the user's read cursor, by the other side (`fromSide`), without the user's receipt. */
  unreadCounts(userId: string, sessionIds: string[], fromSide: SenderSide): Promise<Map<string, number>>;
  /** Each session's newest message; a private note only with `notes`. */
  lastMessages(sessionIds: string[], notes: boolean): Promise<Map<string, ChatMessage>>;
}

/** The session service, as the message domain asks it who may see a session. */
export interface SessionDirectory {
  /** The session if `identity` may see it; NOT_FOUND or PERMISSION_DENIED otherwise. */
  get(identity: Identity, sessionId: string): Promise<ChatSession>;
  /** As `get`, never from a cache: when `get` may answer from one, a refusal is decided on this. */
  fresh?(identity: Identity, sessionId: string): Promise<ChatSession>;
}

/**
 * Decides whether a marking by ids may be stored, on the messages of its session among the ids
 * (with their senders; private notes only for a staff reader) as its transaction reads them:
 * throws the refusal, which is the marking's answer, and nothing of it is stored.
 */
export type MarkingCheck = (found: Array<{ id: string; sender_id: string }>) => void;

/** What marking messages read needs from storage; each write records its events in the same transaction. */
export interface ReadReceiptRepository {
  /**
   * Stores receipts for `ids` once `check` accepts the messages they name, and answers the newly
   * read ones (a receipt that exists stays as it was).
   */
  markMessages(sessionId: string, userId: string, ids: string[], eventsFor: (newlyRead: string[]) => EventEnvelope[], notes: boolean, check: MarkingCheck): Promise<string[]>;
  /** Marks every message of others up to now read (private notes only with `notes`); answers the newly read ones. */
  markAll(sessionId: string, userId: string, eventsFor: (newlyRead: string[]) => EventEnvelope[], notes: boolean): Promise<string[]>;
}

/** The attachment service, as the message domain asks it to reserve a sender's uploads for a message. */
export interface AttachmentDirectory {
  /**
   * The caller's own uploads, not sent in another session, reserved for this one; NOT_FOUND,
   * PERMISSION_DENIED or FAILED_PRECONDITION otherwise. Answered in the order asked.
   */
  claim(identity: Identity, sessionId: string, attachmentIds: string[]): Promise<MessageAttachment[]>;
}

/** The two sides of a chat: customers and restaurants (requesters), support and admins (staff). System messages are on neither. */
export type SenderSide = 'requesters' | 'staff';

/** The side a message counts on for unread counts: none for system messages and private notes. */
export function countedSide(message: { sender_role: string; message_type: string }): SenderSide | null {
  return message.message_type === 'note' ? null : sideOf(message.sender_role);
}

export function sideOf(role: string): SenderSide | null {
  if (isRequester(role as Identity['role'])) return 'requesters';
  return isStaff(role as Identity['role']) ? 'staff' : null;
}
