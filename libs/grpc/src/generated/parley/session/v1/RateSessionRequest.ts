// Original file: parley/session/v1/session.proto


export interface RateSessionRequest {
  'session_id'?: (string);
  'score'?: (number);
  'comment'?: (string);
}

export interface RateSessionRequest__Output {
  'session_id': (string);
  'score': (number);
  'comment': (string);
}
