// Original file: parley/session/v1/session.proto

import type { DurationFigures as _parley_session_v1_DurationFigures, DurationFigures__Output as _parley_session_v1_DurationFigures__Output } from '../../../parley/session/v1/DurationFigures';
import type { RatingFigures as _parley_session_v1_RatingFigures, RatingFigures__Output as _parley_session_v1_RatingFigures__Output } from '../../../parley/session/v1/RatingFigures';

export interface SessionAgentFigures {
  'agent_id'?: (string);
  'agent_name'?: (string);
  'assigned'?: (number);
  'resolved'?: (number);
  'resolution'?: (_parley_session_v1_DurationFigures | null);
  'rating'?: (_parley_session_v1_RatingFigures | null);
}

export interface SessionAgentFigures__Output {
  'agent_id': (string);
  'agent_name': (string);
  'assigned': (number);
  'resolved': (number);
  'resolution': (_parley_session_v1_DurationFigures__Output | null);
  'rating': (_parley_session_v1_RatingFigures__Output | null);
}
