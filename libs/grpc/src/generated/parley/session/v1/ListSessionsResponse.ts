// Original file: parley/session/v1/session.proto

import type { Session as _parley_session_v1_Session, Session__Output as _parley_session_v1_Session__Output } from '../../../parley/session/v1/Session';

export interface ListSessionsResponse {
  'sessions'?: (_parley_session_v1_Session)[];
}

export interface ListSessionsResponse__Output {
  'sessions': (_parley_session_v1_Session__Output)[];
}
