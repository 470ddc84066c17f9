// Original file: parley/presence/v1/presence.proto

import type { RegistrationOutcome as _parley_presence_v1_RegistrationOutcome, RegistrationOutcome__Output as _parley_presence_v1_RegistrationOutcome__Output } from '../../../parley/presence/v1/RegistrationOutcome';

export interface RegistrationOutcomes {
  'outcomes'?: (_parley_presence_v1_RegistrationOutcome)[];
}

export interface RegistrationOutcomes__Output {
  'outcomes': (_parley_presence_v1_RegistrationOutcome__Output)[];
}
