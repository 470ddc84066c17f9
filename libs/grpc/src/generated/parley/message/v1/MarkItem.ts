// Original file: parley/message/v1/message.proto

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from '../../../parley/batch/v1/Caller';
import type { MarkAsReadRequest as _parley_message_v1_MarkAsReadRequest, MarkAsReadRequest__Output as _parley_message_v1_MarkAsReadRequest__Output } from '../../../parley/message/v1/MarkAsReadRequest';

export interface MarkItem {
  'caller'?: (_parley_batch_v1_Caller | null);
  'request'?: (_parley_message_v1_MarkAsReadRequest | null);
}

export interface MarkItem__Output {
  'caller': (_parley_batch_v1_Caller__Output | null);
  'request': (_parley_message_v1_MarkAsReadRequest__Output | null);
}
