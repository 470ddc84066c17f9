// Original file: parley/session/v1/session.proto

import type { SessionTotals as _parley_session_v1_SessionTotals, SessionTotals__Output as _parley_session_v1_SessionTotals__Output } from '../../../parley/session/v1/SessionTotals';
import type { SessionAgentFigures as _parley_session_v1_SessionAgentFigures, SessionAgentFigures__Output as _parley_session_v1_SessionAgentFigures__Output } from '../../../parley/session/v1/SessionAgentFigures';
import type { TimelineBucket as _parley_session_v1_TimelineBucket, TimelineBucket__Output as _parley_session_v1_TimelineBucket__Output } from '../../../parley/session/v1/TimelineBucket';

export interface SessionReport {
  'has_totals'?: (boolean);
  'totals'?: (_parley_session_v1_SessionTotals | null);
  'agents'?: (_parley_session_v1_SessionAgentFigures)[];
  'timeline'?: (_parley_session_v1_TimelineBucket)[];
}

export interface SessionReport__Output {
  'has_totals': (boolean);
  'totals': (_parley_session_v1_SessionTotals__Output | null);
  'agents': (_parley_session_v1_SessionAgentFigures__Output)[];
  'timeline': (_parley_session_v1_TimelineBucket__Output)[];
}
