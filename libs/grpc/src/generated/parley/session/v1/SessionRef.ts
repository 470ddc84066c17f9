// Original file: parley/session/v1/session.proto


export interface SessionRef {
  'session_id'?: (string);
}

export interface SessionRef__Output {
  'session_id': (string);
}
