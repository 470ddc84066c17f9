// Original file: parley/message/v1/message.proto

import type { Message as _parley_message_v1_Message, Message__Output as _parley_message_v1_Message__Output } from '../../../parley/message/v1/Message';

export interface SessionSummary {
  'session_id'?: (string);
  'unread_count'?: (number);
  'last_message'?: (_parley_message_v1_Message | null);
  'has_last_message'?: (boolean);
}

export interface SessionSummary__Output {
  'session_id': (string);
  'unread_count': (number);
  'last_message': (_parley_message_v1_Message__Output | null);
  'has_last_message': (boolean);
}
