import { z } from 'zod';
import { attachmentIdSchema, sendMessageBodySchema, sessionIdSchema, validate, type ChatMessage, type UploadedAttachment } from '@parley/contracts';
import { invalidArgument } from '@parley/errors';
import type { AttachmentDownload, AttachmentsApi, Caller, MessagesApi, SessionsApi } from './gateway.ports';

export interface AttachmentFlowDeps {
  sessions: SessionsApi;
  messages: MessagesApi;
  attachments: AttachmentsApi;
}

/** A signed link's query, or nothing (then the caller's token decides). */
const linkQuerySchema = z.strictObject({
  expires: z.string().regex(/^\d{1,12}$/, { message: 'expires must be a unix time' }).optional(),
  signature: z.string().regex(/^[\w-]{1,128}$/, { message: 'signature is malformed' }).optional(),
});

/**
 * What the gateway does with files, whichever transport asked: the multipart message flow
 * (check the session first, send the uploaded files with the message, withdraw them if the
 * message is refused), metadata with a fresh signed link, and downloads.
 */
export function createAttachmentFlow({ sessions, messages, attachments }: AttachmentFlowDeps) {
  /** Withdraws uploads that will not be sent; a failure here only leaves them to the cleanup. */
  const withdraw = (caller: Caller, uploaded: UploadedAttachment[]) =>
    Promise.all(uploaded.map((file) => attachments.remove(caller, file.id).catch(() => undefined)));

  return {
    withdraw,

    /** Before a multipart message is read: the session must exist and be the caller's to write to. */
    async checkSession(caller: Caller, sessionId: unknown): Promise<string> {
      const id = validate(sessionIdSchema, sessionId);
      return (await sessions.get(caller, id)).id;
    },

    /** The pre-upload: files only, at least one. Uploads of a refused request are withdrawn. */
    async acceptUploads(caller: Caller, fields: unknown, uploaded: UploadedAttachment[]): Promise<UploadedAttachment[]> {
      try {
        validate(z.strictObject({}), fields ?? {});
        if (uploaded.length === 0) throw invalidArgument('Send at least one file in the "attachments" field', { field: 'attachments' });
        return uploaded;
      } catch (error) {
        await withdraw(caller, uploaded);
        throw error;
      }
    },

    /** The multipart variant of sending: the text fields, plus the files already streamed in. */
    async sendWithFiles(caller: Caller, sessionId: string, fields: unknown, uploaded: UploadedAttachment[]): Promise<ChatMessage> {
      try {
        const given = (fields ?? {}) as Record<string, unknown>;
        // The files are the parts; ids of pre-uploads go through send_message or the JSON body.
        if ('attachment_ids' in given) throw invalidArgument('Unknown field: attachment_ids', { field: 'attachment_ids' });
        const attachmentIds = uploaded.map((file) => file.id);
        const input = validate(sendMessageBodySchema, { ...given, ...(attachmentIds.length > 0 ? { attachment_ids: attachmentIds } : {}) });
        const typeGiven = typeof (fields as { message_type?: unknown } | null)?.message_type === 'string';
        const messageType = !typeGiven && uploaded.length > 0 ? inferType(uploaded) : input.message_type;
        return (await messages.send(caller, { ...input, message_type: messageType, session_id: sessionId })).message;
      } catch (error) {
        await withdraw(caller, uploaded);
        throw error;
      }
    },

    async describe(caller: Caller, attachmentId: unknown) {
      const id = validate(attachmentIdSchema, attachmentId);
      const attachment = await attachments.get(caller, id);
      const link = await attachments.createLink(caller, id, false);
      return { ...attachment, download_url: link.url, download_url_expires_at: link.expires_at };
    },

    async download(caller: Caller, attachmentId: unknown, thumbnail: boolean, query: unknown): Promise<AttachmentDownload> {
      const id = validate(attachmentIdSchema, attachmentId);
      const link = validate(linkQuerySchema, query ?? {});
      return attachments.download(caller, { attachment_id: id, thumbnail, ...link });
    },

    isSignedLink: (query: unknown): boolean => typeof query === 'object' && query !== null && ('signature' in query || 'expires' in query),
  };
}

/** A message sent with files and no explicit type: `image` when every file is a picture, else `file`. */
function inferType(uploaded: UploadedAttachment[]): 'image' | 'file' {
  return uploaded.every((file) => file.file_type.startsWith('image/')) ? 'image' : 'file';
}

export type AttachmentFlow = ReturnType<typeof createAttachmentFlow>;
