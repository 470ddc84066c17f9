import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { attachmentUrls, type MessageAttachment, type UploadedAttachment } from '@parley/contracts';
import { failedPrecondition, invalidArgument, notFound, permissionDenied } from '@parley/errors';
import type { AttachmentsApi, Caller } from '../domain/gateway.ports';

interface Stored {
  attachment: UploadedAttachment;
  uploader: string;
  session: string | null;
  bytes: Buffer;
}

/**
 * A hand-built stand-in for the attachment service, for the gateway's own tests: it keeps files
 * in memory and records how many bytes reached it. Like the real service it refuses a file whose
 * bytes are an executable (MZ) as INVALID_ARGUMENT; its own type checks are tested there.
 * Signed links are `?expires=<future>&signature=ok-<id>`.
 */
export class FakeAttachments {
  readonly files = new Map<string, Stored>();
  /** Bytes received per upload, in order, whether the upload succeeded or not. */
  readonly received: number[] = [];
  readonly removed: string[] = [];

  /** Who may see a session: the fake backend's answer. */
  constructor(private readonly mayView: (caller: Caller, sessionId: string) => void) {}

  readonly api: AttachmentsApi = {
    upload: async (caller, file) => {
      const parts: Buffer[] = [];
      const index = this.received.push(0) - 1;
      for await (const chunk of file.data) {
        parts.push(chunk);
        this.received[index] += chunk.length;
      }
      const bytes = Buffer.concat(parts);
      if (bytes.subarray(0, 2).toString('latin1') === 'MZ') throw invalidArgument(`${file.file_name}: the content does not match its extension (it is a EXE file)`);
      const id = randomUUID();
      const image = file.declared_type.startsWith('image/');
      const attachment: UploadedAttachment = {
        id,
        file_name: file.file_name,
        file_url: attachmentUrls.file(id),
        file_size: bytes.length,
        file_type: file.declared_type,
        thumbnail_url: image ? attachmentUrls.thumbnail(id) : null,
        created_at: new Date().toISOString(),
      };
      this.files.set(id, { attachment, uploader: caller.identity.userId, session: null, bytes });
      return attachment;
    },
    remove: async (caller, id) => {
      const stored = this.files.get(id);
      if (!stored || stored.uploader !== caller.identity.userId) throw notFound('Attachment not found');
      this.files.delete(id);
      this.removed.push(id);
    },
    get: async (caller, id) => this.visible(caller, id).attachment,
    createLink: async (caller, id) => {
      this.visible(caller, id);
      return { url: `${attachmentUrls.file(id)}?expires=${Math.floor(Date.now() / 1000) + 300}&signature=ok-${id}`, expires_at: new Date(Date.now() + 300_000).toISOString() };
    },
    download: async (caller, request) => {
      const stored = this.files.get(request.attachment_id);
      if (!stored) throw notFound('Attachment not found');
      if (request.signature || request.expires) {
        if (request.signature !== `ok-${request.attachment_id}` || Number(request.expires) * 1000 < Date.now()) throw permissionDenied('The download link is invalid or has expired');
      } else this.visible(caller, request.attachment_id);
      if (request.thumbnail && !stored.attachment.thumbnail_url) throw notFound('This attachment has no thumbnail');
      const bytes = request.thumbnail ? Buffer.from('thumbnail') : stored.bytes;
      const info = request.thumbnail
        ? { file_name: `${stored.attachment.file_name}.thumbnail.webp`, content_type: 'image/webp', size: 0 }
        : { file_name: stored.attachment.file_name, content_type: stored.attachment.file_type, size: bytes.length };
      return { info, body: Readable.from([bytes]) };
    },
  };

  /** The message service's claim, as the fake backend calls it. */
  async claim(caller: Caller, sessionId: string, ids: string[]): Promise<MessageAttachment[]> {
    return ids.map((id) => {
      const stored = this.files.get(id);
      if (!stored || stored.uploader !== caller.identity.userId) throw notFound(`Attachment ${id} not found among your uploads`);
      if (stored.session && stored.session !== sessionId) throw failedPrecondition(`Attachment ${id} was already sent in another chat`);
      stored.session = sessionId;
      const { id: fileId, file_name, file_url, file_size, file_type, thumbnail_url } = stored.attachment;
      return { id: fileId, file_name, file_url, file_size, file_type, thumbnail_url };
    });
  }

  private visible(caller: Caller, id: string): Stored {
    const stored = this.files.get(id);
    if (!stored) throw notFound('Attachment not found');
    if (stored.uploader === caller.identity.userId) return stored;
    if (!stored.session) throw notFound('Attachment not found');
    this.mayView(caller, stored.session);
    return stored;
  }
}
