// Original file: parley/message/v1/message.proto

import type { SendOutcome as _parley_message_v1_SendOutcome, SendOutcome__Output as _parley_message_v1_SendOutcome__Output } from '../../../parley/message/v1/SendOutcome';

export interface SendMessagesResponse {
  'outcomes'?: (_parley_message_v1_SendOutcome)[];
}

export interface SendMessagesResponse__Output {
  'outcomes': (_parley_message_v1_SendOutcome__Output)[];
}
