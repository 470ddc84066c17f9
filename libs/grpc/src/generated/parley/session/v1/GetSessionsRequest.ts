// Original file: parley/session/v1/session.proto

import type { GetSessionItem as _parley_session_v1_GetSessionItem, GetSessionItem__Output as _parley_session_v1_GetSessionItem__Output } from '../../../parley/session/v1/GetSessionItem';

export interface GetSessionsRequest {
  'items'?: (_parley_session_v1_GetSessionItem)[];
}

export interface GetSessionsRequest__Output {
  'items': (_parley_session_v1_GetSessionItem__Output)[];
}
