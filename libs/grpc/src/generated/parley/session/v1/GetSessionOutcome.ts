// Original file: parley/session/v1/session.proto

import type { Session as _parley_session_v1_Session, Session__Output as _parley_session_v1_Session__Output } from '../../../parley/session/v1/Session';
import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from '../../../parley/batch/v1/ItemError';

export interface GetSessionOutcome {
  'session'?: (_parley_session_v1_Session | null);
  'error'?: (_parley_batch_v1_ItemError | null);
  'outcome'?: "session"|"error";
}

export interface GetSessionOutcome__Output {
  'session'?: (_parley_session_v1_Session__Output | null);
  'error'?: (_parley_batch_v1_ItemError__Output | null);
  'outcome'?: "session"|"error";
}
