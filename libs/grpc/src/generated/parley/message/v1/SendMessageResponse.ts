// Original file: parley/message/v1/message.proto

import type { Message as _parley_message_v1_Message, Message__Output as _parley_message_v1_Message__Output } from '../../../parley/message/v1/Message';

export interface SendMessageResponse {
  'message'?: (_parley_message_v1_Message | null);
  'created'?: (boolean);
}

export interface SendMessageResponse__Output {
  'message': (_parley_message_v1_Message__Output | null);
  'created': (boolean);
}
