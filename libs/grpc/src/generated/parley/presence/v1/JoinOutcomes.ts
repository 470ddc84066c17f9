// Original file: parley/presence/v1/presence.proto

import type { JoinOutcome as _parley_presence_v1_JoinOutcome, JoinOutcome__Output as _parley_presence_v1_JoinOutcome__Output } from '../../../parley/presence/v1/JoinOutcome';

export interface JoinOutcomes {
  'outcomes'?: (_parley_presence_v1_JoinOutcome)[];
}

export interface JoinOutcomes__Output {
  'outcomes': (_parley_presence_v1_JoinOutcome__Output)[];
}
