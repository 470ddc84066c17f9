// Original file: parley/presence/v1/presence.proto


export interface SessionSocketRef {
  'gateway_id'?: (string);
  'socket_id'?: (string);
  'session_id'?: (string);
}

export interface SessionSocketRef__Output {
  'gateway_id': (string);
  'socket_id': (string);
  'session_id': (string);
}
