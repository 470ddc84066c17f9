// Original file: parley/message/v1/message.proto

import type { SessionMatches as _parley_message_v1_SessionMatches, SessionMatches__Output as _parley_message_v1_SessionMatches__Output } from '../../../parley/message/v1/SessionMatches';

export interface SearchMessagesResponse {
  'sessions'?: (_parley_message_v1_SessionMatches)[];
  'has_more'?: (boolean);
}

export interface SearchMessagesResponse__Output {
  'sessions': (_parley_message_v1_SessionMatches__Output)[];
  'has_more': (boolean);
}
