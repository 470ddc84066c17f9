import type { MessageAttachment, UploadedAttachment } from '@parley/contracts';
import type { Attachment__Output } from '../generated/parley/attachment/v1/Attachment';

/** An attachment as the services keep it: the public fields plus who uploaded it and where it went. */
export interface AttachmentRecord extends UploadedAttachment {
  uploader_id: string;
  session_id: string | null;
  message_id: string | null;
}

export function attachmentFromProto(proto: Attachment__Output): AttachmentRecord {
  return {
    id: proto.id,
    file_name: proto.file_name,
    file_url: proto.file_url,
    file_size: Number(proto.file_size),
    file_type: proto.file_type,
    thumbnail_url: proto.thumbnail_url === '' ? null : proto.thumbnail_url,
    created_at: proto.created_at,
    uploader_id: proto.uploader_id,
    session_id: proto.session_id === '' ? null : proto.session_id,
    message_id: proto.message_id === '' ? null : proto.message_id,
  };
}

export function attachmentToProto(record: AttachmentRecord) {
  return { ...record, thumbnail_url: record.thumbnail_url ?? '', session_id: record.session_id ?? '', message_id: record.message_id ?? '' };
}

/** What a message keeps of an attachment (its snapshot) and what an upload answers. */
export function toMessageAttachment(record: AttachmentRecord): MessageAttachment {
  const { id, file_name, file_url, file_size, file_type, thumbnail_url } = record;
  return { id, file_name, file_url, file_size, file_type, thumbnail_url };
}

export function toUploadedAttachment(record: AttachmentRecord): UploadedAttachment {
  const { id, file_name, file_url, file_size, file_type, thumbnail_url, created_at } = record;
  return { id, file_name, file_url, file_size, file_type, thumbnail_url, created_at };
}
