// Original file: parley/session/v1/session.proto


export interface SessionRating {
  'session_id'?: (string);
  'score'?: (number);
  'comment'?: (string);
  'rated_by'?: (string);
  'agent_id'?: (string);
  'agent_name'?: (string);
  'created_at'?: (string);
}

export interface SessionRating__Output {
  'session_id': (string);
  'score': (number);
  'comment': (string);
  'rated_by': (string);
  'agent_id': (string);
  'agent_name': (string);
  'created_at': (string);
}
