// Original file: parley/presence/v1/presence.proto

import type { AgentState as _parley_presence_v1_AgentState, AgentState__Output as _parley_presence_v1_AgentState__Output } from '../../../parley/presence/v1/AgentState';

export interface ListAgentStatesResponse {
  'agents'?: (_parley_presence_v1_AgentState)[];
}

export interface ListAgentStatesResponse__Output {
  'agents': (_parley_presence_v1_AgentState__Output)[];
}
