// Original file: parley/presence/v1/presence.proto


export interface SocketRef {
  'gateway_id'?: (string);
  'socket_id'?: (string);
}

export interface SocketRef__Output {
  'gateway_id': (string);
  'socket_id': (string);
}
