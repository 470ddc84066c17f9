// Original file: parley/message/v1/message.proto

import type { Attachment as _parley_message_v1_Attachment, Attachment__Output as _parley_message_v1_Attachment__Output } from '../../../parley/message/v1/Attachment';
import type { ReadReceipt as _parley_message_v1_ReadReceipt, ReadReceipt__Output as _parley_message_v1_ReadReceipt__Output } from '../../../parley/message/v1/ReadReceipt';
import type { Long } from '@grpc/proto-loader';

export interface Message {
  'id'?: (string);
  'session_id'?: (string);
  'seq'?: (number | string | Long);
  'sender_id'?: (string);
  'sender_role'?: (string);
  'sender_name'?: (string);
  'content'?: (string);
  'message_type'?: (string);
  'temp_id'?: (string);
  'created_at'?: (string);
  'attachments'?: (_parley_message_v1_Attachment)[];
  'read_by'?: (_parley_message_v1_ReadReceipt)[];
}

export interface Message__Output {
  'id': (string);
  'session_id': (string);
  'seq': (number);
  'sender_id': (string);
  'sender_role': (string);
  'sender_name': (string);
  'content': (string);
  'message_type': (string);
  'temp_id': (string);
  'created_at': (string);
  'attachments': (_parley_message_v1_Attachment__Output)[];
  'read_by': (_parley_message_v1_ReadReceipt__Output)[];
}
