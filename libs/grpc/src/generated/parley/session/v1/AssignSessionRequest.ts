// Original file: parley/session/v1/session.proto


export interface AssignSessionRequest {
  'session_id'?: (string);
  'agent_id'?: (string);
  'agent_name'?: (string);
}

export interface AssignSessionRequest__Output {
  'session_id': (string);
  'agent_id': (string);
  'agent_name': (string);
}
