// Original file: parley/session/v1/session.proto


export interface AgentWorkload {
  'agent_id'?: (string);
  'agent_name'?: (string);
  'active_chats'?: (number);
}

export interface AgentWorkload__Output {
  'agent_id': (string);
  'agent_name': (string);
  'active_chats': (number);
}
