// Original file: parley/message/v1/message.proto

import type { FirstResponseFigures as _parley_message_v1_FirstResponseFigures, FirstResponseFigures__Output as _parley_message_v1_FirstResponseFigures__Output } from '../../../parley/message/v1/FirstResponseFigures';

export interface AgentFirstResponses {
  'agent_id'?: (string);
  'agent_name'?: (string);
  'figures'?: (_parley_message_v1_FirstResponseFigures | null);
}

export interface AgentFirstResponses__Output {
  'agent_id': (string);
  'agent_name': (string);
  'figures': (_parley_message_v1_FirstResponseFigures__Output | null);
}
