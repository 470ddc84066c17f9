// Original file: parley/presence/v1/presence.proto


export interface AgentState {
  'agent_id'?: (string);
  'agent_name'?: (string);
  'online'?: (boolean);
  'availability'?: (string);
  'offline_since'?: (string);
}

export interface AgentState__Output {
  'agent_id': (string);
  'agent_name': (string);
  'online': (boolean);
  'availability': (string);
  'offline_since': (string);
}
