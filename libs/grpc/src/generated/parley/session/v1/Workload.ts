// Original file: parley/session/v1/session.proto

import type { AgentWorkload as _parley_session_v1_AgentWorkload, AgentWorkload__Output as _parley_session_v1_AgentWorkload__Output } from '../../../parley/session/v1/AgentWorkload';
import type { Long } from '@grpc/proto-loader';

export interface Workload {
  'version'?: (number | string | Long);
  'waiting'?: (number);
  'oldest_waiting_since'?: (string);
  'agents'?: (_parley_session_v1_AgentWorkload)[];
}

export interface Workload__Output {
  'version': (number);
  'waiting': (number);
  'oldest_waiting_since': (string);
  'agents': (_parley_session_v1_AgentWorkload__Output)[];
}
