// Original file: parley/session/v1/session.proto


export interface GetSessionRequest {
  'session_id'?: (string);
  'include_queue_position'?: (boolean);
}

export interface GetSessionRequest__Output {
  'session_id': (string);
  'include_queue_position': (boolean);
}
