// Original file: parley/session/v1/session.proto

import type { CannedResponse as _parley_session_v1_CannedResponse, CannedResponse__Output as _parley_session_v1_CannedResponse__Output } from '../../../parley/session/v1/CannedResponse';

export interface ListCannedResponsesResponse {
  'responses'?: (_parley_session_v1_CannedResponse)[];
}

export interface ListCannedResponsesResponse__Output {
  'responses': (_parley_session_v1_CannedResponse__Output)[];
}
