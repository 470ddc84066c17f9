// Original file: parley/message/v1/message.proto

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from '../../../parley/batch/v1/Caller';
import type { SendMessageRequest as _parley_message_v1_SendMessageRequest, SendMessageRequest__Output as _parley_message_v1_SendMessageRequest__Output } from '../../../parley/message/v1/SendMessageRequest';

export interface SendItem {
  'caller'?: (_parley_batch_v1_Caller | null);
  'request'?: (_parley_message_v1_SendMessageRequest | null);
}

export interface SendItem__Output {
  'caller': (_parley_batch_v1_Caller__Output | null);
  'request': (_parley_message_v1_SendMessageRequest__Output | null);
}
