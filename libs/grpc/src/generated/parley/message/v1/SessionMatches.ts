// Original file: parley/message/v1/message.proto

import type { SearchMatch as _parley_message_v1_SearchMatch, SearchMatch__Output as _parley_message_v1_SearchMatch__Output } from '../../../parley/message/v1/SearchMatch';

export interface SessionMatches {
  'session_id'?: (string);
  'match_count'?: (number);
  'matches'?: (_parley_message_v1_SearchMatch)[];
}

export interface SessionMatches__Output {
  'session_id': (string);
  'match_count': (number);
  'matches': (_parley_message_v1_SearchMatch__Output)[];
}
