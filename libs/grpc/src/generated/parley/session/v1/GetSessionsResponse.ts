// Original file: parley/session/v1/session.proto

import type { GetSessionOutcome as _parley_session_v1_GetSessionOutcome, GetSessionOutcome__Output as _parley_session_v1_GetSessionOutcome__Output } from '../../../parley/session/v1/GetSessionOutcome';

export interface GetSessionsResponse {
  'outcomes'?: (_parley_session_v1_GetSessionOutcome)[];
}

export interface GetSessionsResponse__Output {
  'outcomes': (_parley_session_v1_GetSessionOutcome__Output)[];
}
