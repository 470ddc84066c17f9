// Original file: parley/message/v1/message.proto

import type { ListMessagesResponse as _parley_message_v1_ListMessagesResponse, ListMessagesResponse__Output as _parley_message_v1_ListMessagesResponse__Output } from '../../../parley/message/v1/ListMessagesResponse';
import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from '../../../parley/batch/v1/ItemError';

export interface ListMessagesOutcome {
  'page'?: (_parley_message_v1_ListMessagesResponse | null);
  'error'?: (_parley_batch_v1_ItemError | null);
  'outcome'?: "page"|"error";
}

export interface ListMessagesOutcome__Output {
  'page'?: (_parley_message_v1_ListMessagesResponse__Output | null);
  'error'?: (_parley_batch_v1_ItemError__Output | null);
  'outcome'?: "page"|"error";
}
