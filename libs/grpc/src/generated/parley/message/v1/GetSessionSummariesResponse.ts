// Original file: parley/message/v1/message.proto

import type { SessionSummary as _parley_message_v1_SessionSummary, SessionSummary__Output as _parley_message_v1_SessionSummary__Output } from '../../../parley/message/v1/SessionSummary';

export interface GetSessionSummariesResponse {
  'summaries'?: (_parley_message_v1_SessionSummary)[];
}

export interface GetSessionSummariesResponse__Output {
  'summaries': (_parley_message_v1_SessionSummary__Output)[];
}
