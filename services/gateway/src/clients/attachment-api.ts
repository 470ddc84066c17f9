import { attachmentFromProto, toUploadedAttachment, type AttachmentClient } from '@parley/grpc';
import type { AttachmentsApi } from '../domain/gateway.ports';

export function createAttachmentsApi(client: AttachmentClient): AttachmentsApi {
  return {
    upload: async (caller, file) =>
      toUploadedAttachment(attachmentFromProto(await client.upload({ file_name: file.file_name, declared_type: file.declared_type }, file.data, caller))),
    remove: async (caller, id) => {
      await client.deleteAttachment(id, caller);
    },
    get: async (caller, id) => toUploadedAttachment(attachmentFromProto(await client.getAttachment(id, caller))),
    createLink: async (caller, id, thumbnail) => client.createDownloadLink(id, thumbnail, caller),
    download: (caller, request) => client.download({ ...request, expires: request.expires ?? '', signature: request.signature ?? '' }, caller),
  };
}
