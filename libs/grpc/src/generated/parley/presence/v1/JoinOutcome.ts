// Original file: parley/presence/v1/presence.proto

import type { JoinResponse as _parley_presence_v1_JoinResponse, JoinResponse__Output as _parley_presence_v1_JoinResponse__Output } from '../../../parley/presence/v1/JoinResponse';
import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from '../../../parley/batch/v1/ItemError';

export interface JoinOutcome {
  'joined'?: (_parley_presence_v1_JoinResponse | null);
  'error'?: (_parley_batch_v1_ItemError | null);
  'outcome'?: "joined"|"error";
}

export interface JoinOutcome__Output {
  'joined'?: (_parley_presence_v1_JoinResponse__Output | null);
  'error'?: (_parley_batch_v1_ItemError__Output | null);
  'outcome'?: "joined"|"error";
}
