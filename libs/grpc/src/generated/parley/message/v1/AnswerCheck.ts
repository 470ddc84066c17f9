// Original file: parley/message/v1/message.proto


export interface AnswerCheck {
  'session_id'?: (string);
  'agent_id'?: (string);
  'since'?: (string);
}

export interface AnswerCheck__Output {
  'session_id': (string);
  'agent_id': (string);
  'since': (string);
}
