// Original file: parley/session/v1/session.proto


export interface UpdateStatusRequest {
  'session_id'?: (string);
  'status'?: (string);
}

export interface UpdateStatusRequest__Output {
  'session_id': (string);
  'status': (string);
}
