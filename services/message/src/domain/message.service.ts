import { z } from 'zod';
import {
  isImageType,
  isRequester,
  LIMITS,
  seesNotes,
  sendMessageSchema,
  sessionIdSchema,
  validate,
  type ChatMessage,
  type ChatSession,
  type Identity,
} from '@parley/contracts';
import { failedPrecondition, invalidArgument, permissionDenied } from '@parley/errors';
import type { AttachmentDirectory, MessageRepository, SendResult, SenderSide, SessionDirectory } from './message.ports';

export interface MessageServiceDeps {
  messages: MessageRepository;
  sessions: SessionDirectory;
  /** When true, any support agent may reply in an active chat, not only its assigned agent. */
  anyAgentMayReply?: boolean;
  attachments: AttachmentDirectory;
}

export interface SendCommand {
  session_id: string;
  content: string;
  message_type?: string;
  temp_id?: string;
  attachment_ids?: string[];
}

const listSchema = z.strictObject({
  session_id: sessionIdSchema,
  // At most LIMITS.historyMaxLimit for a history page; a catch-up (after_seq) may ask for more.
  limit: z.number().int().min(1).max(LIMITS.catchUpMaxMessages).default(LIMITS.historyDefaultLimit),
  offset: z.number().int().min(0).default(0),
  after_seq: z.number().int().min(0).optional(),
});
export type ListCommand = z.input<typeof listSchema>;

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

/**
 * Nobody writes in a closed chat. Staff reply in chats they have taken: accept a waiting chat
 * first; in an active or resolved chat only its assigned agent (and admins) reply, unless
 * configured otherwise.
 */
function assertMayWrite(identity: Identity, session: ChatSession, anyAgentMayReply: boolean): void {
  if (session.status === 'closed') throw failedPrecondition('The session is closed');
  if (isRequester(identity.role) || identity.role === 'admin') return;
  if (session.status === 'waiting') throw failedPrecondition('Accept the chat before replying');
  if (session.agent_id !== identity.userId && !anyAgentMayReply) throw permissionDenied('Only the assigned agent replies in this chat');
}

/**
 * Whose messages count as unread: the other side's. An agent is not notified of another agent's
 * reply, and nobody of system messages.
 */
export function unreadFrom(identity: Identity): SenderSide {
  return isRequester(identity.role) ? 'staff' : 'requesters';
}
export const SYSTEM_SENDER = { id: 'parley', name: 'Parley' } as const;

export function createMessageService({ messages, sessions, attachments, anyAgentMayReply = false }: MessageServiceDeps) {
  async function send(identity: Identity, command: SendCommand): Promise<SendResult> {
    if (identity.role === 'service') throw permissionDenied('Services do not send user messages');
    const input = validate(sendMessageSchema, command);
    if (input.message_type === 'note' && !seesNotes(identity.role)) throw permissionDenied('Only support agents and admins write private notes');
    if (input.message_type === 'note' && input.attachment_ids?.length) throw invalidArgument('A private note carries text only', { field: 'attachment_ids' });
    let session = await sessions.get(identity, input.session_id);
    // A retry of a message already stored answers with it, even if the session has closed since.
    // The store folds that look-up into the send itself; it is asked first only when a check below
    // would refuse the retry or the attachments would be claimed a second time.
    const stored = async () => (input.temp_id ? messages.findByTempId(session.id, identity.userId, input.temp_id) : null);
    const attachmentIds = input.attachment_ids ?? [];
    if ((input.message_type === 'image' || input.message_type === 'file') && attachmentIds.length === 0) {
      const existing = await stored();
      if (existing) return { message: existing, created: false };
      throw invalidArgument(`A ${input.message_type} message needs attachments`, { field: 'attachment_ids' });
    }
    try {
      assertMayWrite(identity, session, anyAgentMayReply);
    } catch (refusal) {
      const existing = await stored();
      if (existing) return { message: existing, created: false };
      // A cached answer may be a moment older than the change that lets this send through (an
      // accept, a transfer): refuse only on what the session service says now.
      const now = sessions.fresh ? await sessions.fresh(identity, input.session_id) : null;
      if (!now) throw refusal;
      assertMayWrite(identity, now, anyAgentMayReply);
      session = now;
    }
    if (attachmentIds.length > 0) {
      const existing = await stored();
      if (existing) return { message: existing, created: false };
    }
    // The attachment service checks and reserves the uploads; the message keeps a snapshot of them.
    const files = attachmentIds.length > 0 ? await attachments.claim(identity, session.id, attachmentIds) : [];
    if (input.message_type === 'image' && !files.every((file) => isImageType(file.file_type))) {
      throw invalidArgument('An image message carries only images', { field: 'attachment_ids' });
    }
    return messages.send(
      {
        session_id: session.id,
        sender_id: identity.userId,
        sender_role: identity.role,
        sender_name: identity.name,
        content: input.content,
        message_type: input.message_type,
        temp_id: input.temp_id ?? null,
        attachments: files,
      },
      identity.requestId,
    );
  }

  async function list(identity: Identity, command: ListCommand): Promise<MessagePage> {
    const input = validate(listSchema, command);
    if (input.after_seq === undefined && input.limit > LIMITS.historyMaxLimit) {
      throw invalidArgument(`limit must be at most ${LIMITS.historyMaxLimit}`, { field: 'limit' });
    }
    await sessions.get(identity, input.session_id);
    // The page and the last seq in one read. Private notes are staff's alone.
    const notes = seesNotes(identity.role);
    const { messages: rows, lastSeq } =
      input.after_seq === undefined
        ? await messages.listPage(input.session_id, input.limit + 1, input.offset, notes)
        : await messages.listAfter(input.session_id, input.after_seq, input.limit + 1, notes);
    const has_more = rows.length > input.limit;
    // listPage returns oldest first, so the extra row is the oldest; listAfter's is the newest.
    const page = !has_more ? rows : input.after_seq === undefined ? rows.slice(1) : rows.slice(0, input.limit);
    return { messages: page, has_more, last_seq: Math.max(lastSeq, page.at(-1)?.seq ?? 0) };
  }

  async function summaries(identity: Identity, sessionIds: string[]): Promise<SessionSummary[]> {
    // One canonical (lowercase) id per session, as the database and every other answer spell it.
    const ids = [...new Set(sessionIds.map((id) => validate(sessionIdSchema, id).toLowerCase()))];
    if (ids.length > 200) throw invalidArgument('At most 200 sessions at a time');
    // Staff may see every session; a requester only those the session service says are theirs.
    if (isRequester(identity.role)) await Promise.all(ids.map((id) => sessions.get(identity, id)));
    const [unread, last] = await Promise.all([messages.unreadCounts(identity.userId, ids, unreadFrom(identity)), messages.lastMessages(ids, seesNotes(identity.role))]);
    return ids.map((id) => ({ session_id: id, unread_count: unread.get(id) ?? 0, last_message: last.get(id) ?? null }));
  }

  /**
   * Stores a new chat's initial message as its requester's, once: it arrives with session.created,
   * which may be delivered more than once.
   */
  async function recordInitialMessage(session: ChatSession, content: string): Promise<SendResult> {
    return messages.send(
      {
        session_id: session.id,
        sender_id: session.customer_id,
        sender_role: session.customer_role,
        sender_name: session.customer_name,
        content,
        message_type: 'text',
        temp_id: `initial:${session.id}`,
        attachments: [],
      },
    );
  }

  /** A line of the chat's story ("Ana accepted the chat"), once per event however often it arrives. */
  async function recordSystemMessage(sessionId: string, content: string, eventId: string): Promise<SendResult> {
    return messages.send(
      { session_id: sessionId, sender_id: SYSTEM_SENDER.id, sender_role: 'system', sender_name: SYSTEM_SENDER.name, content, message_type: 'system', temp_id: `event:${eventId}`, attachments: [] },
    );
  }

  return { send, list, summaries, recordInitialMessage, recordSystemMessage };
}

export type MessageService = ReturnType<typeof createMessageService>;
