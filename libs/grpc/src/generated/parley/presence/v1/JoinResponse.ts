// Original file: parley/presence/v1/presence.proto

import type { Participant as _parley_presence_v1_Participant, Participant__Output as _parley_presence_v1_Participant__Output } from '../../../parley/presence/v1/Participant';

export interface JoinResponse {
  'participants'?: (_parley_presence_v1_Participant)[];
}

export interface JoinResponse__Output {
  'participants': (_parley_presence_v1_Participant__Output)[];
}
