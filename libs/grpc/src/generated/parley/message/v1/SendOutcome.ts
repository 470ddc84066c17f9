// Original file: parley/message/v1/message.proto

import type { SendMessageResponse as _parley_message_v1_SendMessageResponse, SendMessageResponse__Output as _parley_message_v1_SendMessageResponse__Output } from '../../../parley/message/v1/SendMessageResponse';
import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from '../../../parley/batch/v1/ItemError';

export interface SendOutcome {
  'sent'?: (_parley_message_v1_SendMessageResponse | null);
  'error'?: (_parley_batch_v1_ItemError | null);
  'outcome'?: "sent"|"error";
}

export interface SendOutcome__Output {
  'sent'?: (_parley_message_v1_SendMessageResponse__Output | null);
  'error'?: (_parley_batch_v1_ItemError__Output | null);
  'outcome'?: "sent"|"error";
}
