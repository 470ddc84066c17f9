// Original file: parley/message/v1/message.proto

import type { ListMessagesOutcome as _parley_message_v1_ListMessagesOutcome, ListMessagesOutcome__Output as _parley_message_v1_ListMessagesOutcome__Output } from '../../../parley/message/v1/ListMessagesOutcome';

export interface ListMessagesManyResponse {
  'outcomes'?: (_parley_message_v1_ListMessagesOutcome)[];
}

export interface ListMessagesManyResponse__Output {
  'outcomes': (_parley_message_v1_ListMessagesOutcome__Output)[];
}
