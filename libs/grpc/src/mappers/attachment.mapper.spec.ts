import type { ChatMessage } from '@parley/contracts';
import type { Attachment__Output } from '../generated/parley/attachment/v1/Attachment';
import type { Message__Output } from '../generated/parley/message/v1/Message';
import { attachmentFromProto, attachmentToProto, toMessageAttachment, toUploadedAttachment, type AttachmentRecord } from './attachment.mapper';
import { messageFromProto, messageToProto } from './message.mapper';

describe('attachment mappers', () => {
  const record: AttachmentRecord = {
    id: 'a1', file_name: 'receipt.pdf', file_url: '/uploads/chat-attachments/a1', file_size: 1234, file_type: 'application/pdf',
    thumbnail_url: null, created_at: '2026-01-01T00:00:00.000Z', uploader_id: 'c1', session_id: null, message_id: null,
  };

  it('round-trips an attachment, its empty optional fields as null', () => {
    const proto = attachmentToProto(record);
    expect(proto).toMatchObject({ thumbnail_url: '', session_id: '', message_id: '' });
    expect(attachmentFromProto({ ...proto, file_size: 1234 } as Attachment__Output)).toEqual(record);
  });

  it('keeps only the public fields for a message snapshot and an upload answer', () => {
    expect(toMessageAttachment(record)).toEqual({ id: 'a1', file_name: 'receipt.pdf', file_url: '/uploads/chat-attachments/a1', file_size: 1234, file_type: 'application/pdf', thumbnail_url: null });
    expect(Object.keys(toUploadedAttachment(record)).sort()).toEqual(['created_at', 'file_name', 'file_size', 'file_type', 'file_url', 'id', 'thumbnail_url']);
  });

  it("round-trips a message's attachments, thumbnails included", () => {
    const message: ChatMessage = {
      id: 'm1', session_id: 's1', seq: 2, sender_id: 'c1', sender_role: 'customer', sender_name: 'Cleo', content: '',
      message_type: 'image', temp_id: 't', created_at: '2026-01-01T00:00:00.000Z', read_by: [],
      attachments: [
        { id: 'a1', file_name: 'a.png', file_url: '/uploads/chat-attachments/a1', file_size: 10, file_type: 'image/png', thumbnail_url: '/uploads/chat-attachments/a1/thumbnail' },
        { id: 'a2', file_name: 'b.pdf', file_url: '/uploads/chat-attachments/a2', file_size: 20, file_type: 'application/pdf', thumbnail_url: null },
      ],
    };
    expect(messageFromProto(messageToProto(message) as Message__Output)).toEqual(message);
  });
});
