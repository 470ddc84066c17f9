import { randomUUID } from 'node:crypto';
import type { Identity, MessageAttachment } from '@parley/contracts';
import { failedPrecondition, notFound } from '@parley/errors';
import type { AttachmentDirectory } from '../domain/message.ports';

/** The attachment service's claim, in memory: uploads belong to their uploader and to one session. */
export class FakeAttachmentDirectory implements AttachmentDirectory {
  readonly uploads = new Map<string, { uploader: string; session: string | null; file: MessageAttachment }>();

  add(uploader: Identity, fileType = 'image/png'): MessageAttachment {
    const id = randomUUID();
    const file: MessageAttachment = { id, file_name: `file-${id.slice(0, 4)}`, file_url: `/uploads/chat-attachments/${id}`, file_size: 42, file_type: fileType, thumbnail_url: null };
    this.uploads.set(id, { uploader: uploader.userId, session: null, file });
    return file;
  }

  async claim(identity: Identity, sessionId: string, ids: string[]): Promise<MessageAttachment[]> {
    const found = ids.map((id) => {
      const upload = this.uploads.get(id);
      if (!upload || upload.uploader !== identity.userId) throw notFound(`Attachment ${id} not found among your uploads`);
      if (upload.session && upload.session !== sessionId) throw failedPrecondition(`Attachment ${id} was already sent in another chat`);
      return upload;
    });
    for (const upload of found) upload.session = sessionId;
    return found.map((upload) => upload.file);
  }
}
