// Original file: parley/message/v1/message.proto

import type { MarkItem as _parley_message_v1_MarkItem, MarkItem__Output as _parley_message_v1_MarkItem__Output } from '../../../parley/message/v1/MarkItem';

export interface MarkManyAsReadRequest {
  'items'?: (_parley_message_v1_MarkItem)[];
}

export interface MarkManyAsReadRequest__Output {
  'items': (_parley_message_v1_MarkItem__Output)[];
}
