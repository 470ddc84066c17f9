// Original file: parley/message/v1/message.proto

import type { FirstResponseFigures as _parley_message_v1_FirstResponseFigures, FirstResponseFigures__Output as _parley_message_v1_FirstResponseFigures__Output } from '../../../parley/message/v1/FirstResponseFigures';
import type { AgentFirstResponses as _parley_message_v1_AgentFirstResponses, AgentFirstResponses__Output as _parley_message_v1_AgentFirstResponses__Output } from '../../../parley/message/v1/AgentFirstResponses';

export interface FirstResponseReport {
  'has_totals'?: (boolean);
  'totals'?: (_parley_message_v1_FirstResponseFigures | null);
  'agents'?: (_parley_message_v1_AgentFirstResponses)[];
}

export interface FirstResponseReport__Output {
  'has_totals': (boolean);
  'totals': (_parley_message_v1_FirstResponseFigures__Output | null);
  'agents': (_parley_message_v1_AgentFirstResponses__Output)[];
}
