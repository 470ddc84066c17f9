import type { ChatMessage } from '@parley/contracts';
import type { Message, Message__Output } from '../generated/parley/message/v1/Message';

export function messageToProto(message: ChatMessage): Message {
  return {
    ...message,
    temp_id: message.temp_id ?? '',
    attachments: message.attachments.map((a) => ({ ...a, thumbnail_url: a.thumbnail_url ?? '' })),
  };
}

export function messageFromProto(proto: Message__Output): ChatMessage {
  return {
    id: proto.id,
    session_id: proto.session_id,
    seq: Number(proto.seq),
    sender_id: proto.sender_id,
    sender_role: proto.sender_role,
    sender_name: proto.sender_name,
    content: proto.content,
    message_type: proto.message_type as ChatMessage['message_type'],
    temp_id: proto.temp_id === '' ? null : proto.temp_id,
    created_at: proto.created_at,
    attachments: proto.attachments.map((a) => ({ ...a, file_size: Number(a.file_size), thumbnail_url: a.thumbnail_url === '' ? null : a.thumbnail_url })),
    read_by: proto.read_by.map((r) => ({ ...r })),
  };
}
