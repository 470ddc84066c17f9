import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ATTACHMENT_TYPES, attachmentIdSchema, attachmentUrls, isImageType, sessionIdSchema, validate, type Identity, type UploadedAttachment } from '@parley/contracts';
import { failedPrecondition, invalidArgument, notFound, permissionDenied } from '@parley/errors';
import type { AttachmentLimits, AttachmentRepository, AttachmentRow, ObjectStore, SessionDirectory, Thumbnailer } from './attachment.ports';
import type { LinkSigner } from './download-links';
import { cleanFileName } from './file-name';
import { detectType } from './file-types';
import { checkedBody, readHead } from './upload-stream';

export interface AttachmentServiceDeps {
  attachments: AttachmentRepository;
  store: ObjectStore;
  sessions: SessionDirectory;
  thumbnails: Thumbnailer;
  links: LinkSigner;
  limits: AttachmentLimits;
  clock?: () => Date;
}

/** An attachment as the service answers it: the upload as clients see it, and who and where it belongs. */
export interface AttachmentRecord extends UploadedAttachment {
  uploader_id: string;
  session_id: string | null;
  message_id: string | null;
}

export interface DownloadCommand {
  attachment_id: string;
  thumbnail: boolean;
  /** A signed link's parts; absent when the caller's rights decide. */
  expires?: string;
  signature?: string;
}

export interface Download {
  info: { file_name: string; content_type: string; size: number };
  body: Readable;
}

export function toRecord(row: AttachmentRow): AttachmentRecord {
  return {
    id: row.id,
    file_name: row.file_name,
    file_url: row.file_url,
    file_size: Number(row.file_size),
    file_type: row.file_type,
    thumbnail_url: row.thumbnail_key ? attachmentUrls.thumbnail(row.id) : null,
    created_at: row.created_at.toISOString(),
    uploader_id: row.uploader_id,
    session_id: row.session_id,
    message_id: row.message_id,
  };
}

export function createAttachmentService(deps: AttachmentServiceDeps) {
  const { attachments, store, sessions, thumbnails, links, limits } = deps;
  const now = deps.clock ?? (() => new Date());
  const claimSchema = z.strictObject({
    session_id: sessionIdSchema,
    attachment_ids: z.array(attachmentIdSchema).min(1).max(limits.maxFiles, { message: `At most ${limits.maxFiles} attachments a message` }),
  });

  async function find(id: unknown): Promise<AttachmentRow> {
    const row = await attachments.get(validate(attachmentIdSchema, id).toLowerCase());
    if (!row) throw notFound('Attachment not found');
    return row;
  }

  /** The uploader, and whoever may see the session the file was sent in. Others learn nothing of it. */
  async function authorize(identity: Identity, row: AttachmentRow): Promise<void> {
    if (row.uploader_id === identity.userId && identity.role !== 'service') return;
    if (!row.session_id) throw notFound('Attachment not found');
    await sessions.get(identity, row.session_id);
  }

  async function makeThumbnail(id: string, key: string): Promise<string | null> {
    const preview = await thumbnails.make(await store.get(key));
    if (!preview) return null;
    const thumbnailKey = `${key}.thumbnail.webp`;
    await store.put(thumbnailKey, Readable.from([preview]), 'image/webp');
    return thumbnailKey;
  }

  return {
    /** Streams an upload into the store, deciding its type by its first bytes and counting as it goes. */
    async upload(identity: Identity, info: { file_name: string; declared_type: string }, data: AsyncIterable<Buffer>): Promise<AttachmentRecord> {
      if (identity.role === 'service') throw permissionDenied('Services do not upload files');
      const fileName = cleanFileName(info.file_name ?? '');
      if (!fileName) throw invalidArgument('Every file needs a name', { field: 'attachments' });
      const { head, rest } = await readHead(data);
      if (head.length === 0) throw invalidArgument(`${fileName} is empty`, { field: 'attachments' });
      const type = detectType(head, fileName, info.declared_type ?? '', limits.allowedTypes);
      const mime = ATTACHMENT_TYPES[type].mime;
      const id = randomUUID();
      const key = `chat-attachments/${id}`;
      let size = 0;
      const body = Readable.from(checkedBody(head, rest, { fileName, maxBytes: limits.maxFileBytes, text: type === 'txt', onSize: (bytes) => (size = bytes) }));
      try {
        await store.put(key, body, mime);
        const thumbnailKey = isImageType(mime) ? await makeThumbnail(id, key) : null;
        const row = await attachments.create({
          id,
          uploader_id: identity.userId,
          file_name: fileName,
          file_type: mime,
          file_size: size,
          storage_key: key,
          file_url: attachmentUrls.file(id),
          thumbnail_key: thumbnailKey,
        });
        return toRecord(row);
      } catch (error) {
        await Promise.all([store.remove(key), store.remove(`${key}.thumbnail.webp`)]).catch(() => undefined);
        throw error;
      }
    },

    /**
     * For the message service, as the sender: the caller's own uploads, not sent in another
     * session, reserved for this one (so the cleanup leaves them alone). Answers them in order.
     */
    async claim(identity: Identity, command: { session_id: string; attachment_ids: string[] }): Promise<AttachmentRecord[]> {
      const input = validate(claimSchema, command);
      const ids = [...new Set(input.attachment_ids.map((id) => id.toLowerCase()))];
      if (ids.length !== input.attachment_ids.length) throw invalidArgument('An attachment is listed twice', { field: 'attachment_ids' });
      const sessionId = (await sessions.get(identity, input.session_id)).id;
      const rows = new Map((await attachments.getMany(ids)).map((row) => [row.id, row]));
      for (const id of ids) {
        const row = rows.get(id);
        if (!row || row.uploader_id !== identity.userId) throw notFound(`Attachment ${id} not found among your uploads`);
        if (row.session_id && row.session_id !== sessionId) throw failedPrecondition(`Attachment ${id} was already sent in another chat`);
      }
      if ((await attachments.claim(ids, sessionId, now())) !== ids.length) throw failedPrecondition('An attachment was sent in another chat meanwhile');
      return ids.map((id) => toRecord({ ...(rows.get(id) as AttachmentRow), session_id: sessionId }));
    },

    /** message.created: the attachments a message carried now belong to it. Repeats change nothing. */
    async markAttached(message: { id: string; session_id: string; attachments: { id: string }[] }): Promise<number> {
      if (message.attachments.length === 0) return 0;
      return attachments.attach(message.attachments.map((a) => a.id), message.id, message.session_id);
    },

    async get(identity: Identity, id: unknown): Promise<AttachmentRecord> {
      const row = await find(id);
      await authorize(identity, row);
      return toRecord(row);
    },

    async createLink(identity: Identity, id: unknown, thumbnail: boolean): Promise<{ url: string; expires_at: string }> {
      const row = await find(id);
      await authorize(identity, row);
      if (thumbnail && !row.thumbnail_key) throw notFound('This attachment has no thumbnail');
      const expires = Math.ceil((now().getTime() + limits.linkTtlMs) / 1000);
      const base = thumbnail ? attachmentUrls.thumbnail(row.id) : row.file_url;
      return { url: `${base}?expires=${expires}&signature=${links.sign(row.id, thumbnail, expires)}`, expires_at: new Date(expires * 1000).toISOString() };
    },

    async download(identity: Identity, command: DownloadCommand): Promise<Download> {
      const row = await find(command.attachment_id);
      if (command.signature || command.expires) {
        if (!links.verify(row.id, command.thumbnail, command.expires ?? '', command.signature ?? '', now().getTime())) {
          throw permissionDenied('The download link is invalid or has expired');
        }
      } else {
        await authorize(identity, row);
      }
      if (command.thumbnail && !row.thumbnail_key) throw notFound('This attachment has no thumbnail');
      const body = await store.get(command.thumbnail ? (row.thumbnail_key as string) : row.storage_key);
      const info = command.thumbnail
        ? { file_name: `${row.file_name}.thumbnail.webp`, content_type: 'image/webp', size: 0 }
        : { file_name: row.file_name, content_type: row.file_type, size: Number(row.file_size) };
      return { info, body };
    },

    /** The uploader withdraws an upload that was never sent. */
    async remove(identity: Identity, id: unknown): Promise<void> {
      const row = await find(id);
      if (row.uploader_id !== identity.userId) throw notFound('Attachment not found');
      if (row.session_id) throw failedPrecondition('The attachment was sent with a message and stays with it');
      if (await attachments.deleteUnsent(row.id, null)) await removeObjects(row);
    },

    /** Removes uploads nobody sent within the TTL; answers how many. */
    async sweepUnsent(batch = 100): Promise<number> {
      const cutoff = new Date(now().getTime() - limits.unsentTtlMs);
      const expired = await attachments.takeExpired(cutoff, batch);
      for (const row of expired) await removeObjects(row);
      return expired.length;
    },
  };

  async function removeObjects(row: AttachmentRow): Promise<void> {
    await store.remove(row.storage_key);
    if (row.thumbnail_key) await store.remove(row.thumbnail_key);
  }
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
