// Original file: parley/presence/v1/presence.proto


export interface AgentAvailability {
  'agent_id'?: (string);
  'agent_name'?: (string);
  'status'?: (string);
}

export interface AgentAvailability__Output {
  'agent_id': (string);
  'agent_name': (string);
  'status': (string);
}
