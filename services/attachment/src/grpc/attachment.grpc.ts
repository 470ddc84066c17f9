import { attachmentToProto, clientStream, serverStream, unary, type AttachmentServiceHandlers } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { AttachmentService } from '../domain/attachment.service';

interface UploadChunk {
  info?: { file_name: string; declared_type: string } | null;
  data?: Buffer | null;
}

/** The first chunk's info, then the data of every later chunk. */
async function splitUpload(chunks: AsyncIterable<UploadChunk>) {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  const info = first.done ? undefined : first.value.info;
  async function* data() {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      if (next.value.data) yield next.value.data;
    }
  }
  return { info: info ?? { file_name: '', declared_type: '' }, data: data() };
}

const given = (value: string): string | undefined => (value === '' ? undefined : value);

export function createAttachmentGrpcHandlers(service: AttachmentService, logger: Logger): AttachmentServiceHandlers {
  return {
    Upload: clientStream(logger, async (chunks, { identity }) => {
      const { info, data } = await splitUpload(chunks as AsyncIterable<UploadChunk>);
      return attachmentToProto(await service.upload(identity, info, data));
    }),
    DeleteAttachment: unary(logger, async (request, { identity }) => {
      await service.remove(identity, request.attachment_id);
      return {};
    }),
    ClaimAttachments: unary(logger, async (request, { identity }) => ({
      attachments: (await service.claim(identity, { session_id: request.session_id, attachment_ids: request.attachment_ids })).map(attachmentToProto),
    })),
    GetAttachment: unary(logger, async (request, { identity }) => attachmentToProto(await service.get(identity, request.attachment_id))),
    CreateDownloadLink: unary(logger, async (request, { identity }) => service.createLink(identity, request.attachment_id, request.thumbnail)),
    Download: serverStream(logger, async (request, { identity }) => {
      const { info, body } = await service.download(identity, {
        attachment_id: request.attachment_id,
        thumbnail: request.thumbnail,
        expires: given(request.expires),
        signature: given(request.signature),
      });
      async function* chunks() {
        yield { info };
        for await (const data of body) yield { data: data as Buffer };
      }
      return chunks();
    }),
  };
}
