// Original file: parley/presence/v1/presence.proto

import type { SocketItem as _parley_presence_v1_SocketItem, SocketItem__Output as _parley_presence_v1_SocketItem__Output } from '../../../parley/presence/v1/SocketItem';

export interface SocketItems {
  'items'?: (_parley_presence_v1_SocketItem)[];
}

export interface SocketItems__Output {
  'items': (_parley_presence_v1_SocketItem__Output)[];
}
