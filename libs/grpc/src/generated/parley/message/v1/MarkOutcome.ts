// Original file: parley/message/v1/message.proto

import type { MarkAsReadResponse as _parley_message_v1_MarkAsReadResponse, MarkAsReadResponse__Output as _parley_message_v1_MarkAsReadResponse__Output } from '../../../parley/message/v1/MarkAsReadResponse';
import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from '../../../parley/batch/v1/ItemError';

export interface MarkOutcome {
  'read'?: (_parley_message_v1_MarkAsReadResponse | null);
  'error'?: (_parley_batch_v1_ItemError | null);
  'outcome'?: "read"|"error";
}

export interface MarkOutcome__Output {
  'read'?: (_parley_message_v1_MarkAsReadResponse__Output | null);
  'error'?: (_parley_batch_v1_ItemError__Output | null);
  'outcome'?: "read"|"error";
}
