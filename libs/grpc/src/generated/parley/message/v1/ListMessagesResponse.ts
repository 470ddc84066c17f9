// Original file: parley/message/v1/message.proto

import type { Message as _parley_message_v1_Message, Message__Output as _parley_message_v1_Message__Output } from '../../../parley/message/v1/Message';
import type { Long } from '@grpc/proto-loader';

export interface ListMessagesResponse {
  'messages'?: (_parley_message_v1_Message)[];
  'has_more'?: (boolean);
  'last_seq'?: (number | string | Long);
}

export interface ListMessagesResponse__Output {
  'messages': (_parley_message_v1_Message__Output)[];
  'has_more': (boolean);
  'last_seq': (number);
}
