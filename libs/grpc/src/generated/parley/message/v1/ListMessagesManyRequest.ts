// Original file: parley/message/v1/message.proto

import type { ListMessagesItem as _parley_message_v1_ListMessagesItem, ListMessagesItem__Output as _parley_message_v1_ListMessagesItem__Output } from '../../../parley/message/v1/ListMessagesItem';

export interface ListMessagesManyRequest {
  'items'?: (_parley_message_v1_ListMessagesItem)[];
}

export interface ListMessagesManyRequest__Output {
  'items': (_parley_message_v1_ListMessagesItem__Output)[];
}
