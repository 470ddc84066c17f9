// Original file: parley/message/v1/message.proto

import type { MarkOutcome as _parley_message_v1_MarkOutcome, MarkOutcome__Output as _parley_message_v1_MarkOutcome__Output } from '../../../parley/message/v1/MarkOutcome';

export interface MarkManyAsReadResponse {
  'outcomes'?: (_parley_message_v1_MarkOutcome)[];
}

export interface MarkManyAsReadResponse__Output {
  'outcomes': (_parley_message_v1_MarkOutcome__Output)[];
}
