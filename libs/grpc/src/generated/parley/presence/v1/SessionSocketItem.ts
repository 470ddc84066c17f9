// Original file: parley/presence/v1/presence.proto

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from '../../../parley/batch/v1/Caller';
import type { SessionSocketRef as _parley_presence_v1_SessionSocketRef, SessionSocketRef__Output as _parley_presence_v1_SessionSocketRef__Output } from '../../../parley/presence/v1/SessionSocketRef';

export interface SessionSocketItem {
  'caller'?: (_parley_batch_v1_Caller | null);
  'socket'?: (_parley_presence_v1_SessionSocketRef | null);
}

export interface SessionSocketItem__Output {
  'caller': (_parley_batch_v1_Caller__Output | null);
  'socket': (_parley_presence_v1_SessionSocketRef__Output | null);
}
