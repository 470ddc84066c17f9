// Original file: parley/message/v1/message.proto

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from '../../../parley/batch/v1/Caller';
import type { ListMessagesRequest as _parley_message_v1_ListMessagesRequest, ListMessagesRequest__Output as _parley_message_v1_ListMessagesRequest__Output } from '../../../parley/message/v1/ListMessagesRequest';

export interface ListMessagesItem {
  'caller'?: (_parley_batch_v1_Caller | null);
  'request'?: (_parley_message_v1_ListMessagesRequest | null);
}

export interface ListMessagesItem__Output {
  'caller': (_parley_batch_v1_Caller__Output | null);
  'request': (_parley_message_v1_ListMessagesRequest__Output | null);
}
