// Original file: parley/message/v1/message.proto

import type { SendItem as _parley_message_v1_SendItem, SendItem__Output as _parley_message_v1_SendItem__Output } from '../../../parley/message/v1/SendItem';

export interface SendMessagesRequest {
  'items'?: (_parley_message_v1_SendItem)[];
}

export interface SendMessagesRequest__Output {
  'items': (_parley_message_v1_SendItem__Output)[];
}
