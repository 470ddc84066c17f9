// Original file: parley/presence/v1/presence.proto

import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from '../../../parley/batch/v1/ItemError';

export interface RegistrationOutcome {
  'error'?: (_parley_batch_v1_ItemError | null);
}

export interface RegistrationOutcome__Output {
  'error': (_parley_batch_v1_ItemError__Output | null);
}
