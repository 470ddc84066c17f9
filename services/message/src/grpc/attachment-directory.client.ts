import { attachmentFromProto, toMessageAttachment, type AttachmentClient } from '@parley/grpc';
import type { AttachmentDirectory } from '../domain/message.ports';

/** Asks the attachment service, as the sender, to reserve the uploads for the message. */
export function createAttachmentDirectory(client: AttachmentClient): AttachmentDirectory {
  return {
    claim: async (identity, sessionId, ids) => (await client.claimAttachments(sessionId, ids, { identity })).map((a) => toMessageAttachment(attachmentFromProto(a))),
  };
}
