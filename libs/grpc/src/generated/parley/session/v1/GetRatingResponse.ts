// Original file: parley/session/v1/session.proto

import type { SessionRating as _parley_session_v1_SessionRating, SessionRating__Output as _parley_session_v1_SessionRating__Output } from '../../../parley/session/v1/SessionRating';

export interface GetRatingResponse {
  'rated'?: (boolean);
  'rating'?: (_parley_session_v1_SessionRating | null);
}

export interface GetRatingResponse__Output {
  'rated': (boolean);
  'rating': (_parley_session_v1_SessionRating__Output | null);
}
