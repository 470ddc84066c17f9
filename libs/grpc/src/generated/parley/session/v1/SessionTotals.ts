// Original file: parley/session/v1/session.proto

import type { DurationFigures as _parley_session_v1_DurationFigures, DurationFigures__Output as _parley_session_v1_DurationFigures__Output } from '../../../parley/session/v1/DurationFigures';
import type { RatingFigures as _parley_session_v1_RatingFigures, RatingFigures__Output as _parley_session_v1_RatingFigures__Output } from '../../../parley/session/v1/RatingFigures';

export interface SessionTotals {
  'opened'?: (number);
  'resolved'?: (number);
  'waiting'?: (number);
  'resolution'?: (_parley_session_v1_DurationFigures | null);
  'rating'?: (_parley_session_v1_RatingFigures | null);
}

export interface SessionTotals__Output {
  'opened': (number);
  'resolved': (number);
  'waiting': (number);
  'resolution': (_parley_session_v1_DurationFigures__Output | null);
  'rating': (_parley_session_v1_RatingFigures__Output | null);
}
