// Original file: parley/session/v1/session.proto

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from '../../../parley/batch/v1/Caller';
import type { GetSessionRequest as _parley_session_v1_GetSessionRequest, GetSessionRequest__Output as _parley_session_v1_GetSessionRequest__Output } from '../../../parley/session/v1/GetSessionRequest';

export interface GetSessionItem {
  'caller'?: (_parley_batch_v1_Caller | null);
  'request'?: (_parley_session_v1_GetSessionRequest | null);
}

export interface GetSessionItem__Output {
  'caller': (_parley_batch_v1_Caller__Output | null);
  'request': (_parley_session_v1_GetSessionRequest__Output | null);
}
