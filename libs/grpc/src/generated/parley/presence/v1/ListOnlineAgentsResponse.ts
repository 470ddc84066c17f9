// Original file: parley/presence/v1/presence.proto

import type { OnlineAgent as _parley_presence_v1_OnlineAgent, OnlineAgent__Output as _parley_presence_v1_OnlineAgent__Output } from '../../../parley/presence/v1/OnlineAgent';

export interface ListOnlineAgentsResponse {
  'agents'?: (_parley_presence_v1_OnlineAgent)[];
}

export interface ListOnlineAgentsResponse__Output {
  'agents': (_parley_presence_v1_OnlineAgent__Output)[];
}
