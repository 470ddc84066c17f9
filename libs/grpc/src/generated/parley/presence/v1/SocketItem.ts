// Original file: parley/presence/v1/presence.proto

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from '../../../parley/batch/v1/Caller';
import type { SocketRef as _parley_presence_v1_SocketRef, SocketRef__Output as _parley_presence_v1_SocketRef__Output } from '../../../parley/presence/v1/SocketRef';

export interface SocketItem {
  'caller'?: (_parley_batch_v1_Caller | null);
  'socket'?: (_parley_presence_v1_SocketRef | null);
}

export interface SocketItem__Output {
  'caller': (_parley_batch_v1_Caller__Output | null);
  'socket': (_parley_presence_v1_SocketRef__Output | null);
}
