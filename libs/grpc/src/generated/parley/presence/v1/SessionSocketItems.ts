// Original file: parley/presence/v1/presence.proto

import type { SessionSocketItem as _parley_presence_v1_SessionSocketItem, SessionSocketItem__Output as _parley_presence_v1_SessionSocketItem__Output } from '../../../parley/presence/v1/SessionSocketItem';

export interface SessionSocketItems {
  'items'?: (_parley_presence_v1_SessionSocketItem)[];
}

export interface SessionSocketItems__Output {
  'items': (_parley_presence_v1_SessionSocketItem__Output)[];
}
