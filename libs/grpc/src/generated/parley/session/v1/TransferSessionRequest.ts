// Original file: parley/session/v1/session.proto


export interface TransferSessionRequest {
  'session_id'?: (string);
  'agent_id'?: (string);
  'agent_name'?: (string);
}

export interface TransferSessionRequest__Output {
  'session_id': (string);
  'agent_id': (string);
  'agent_name': (string);
}
