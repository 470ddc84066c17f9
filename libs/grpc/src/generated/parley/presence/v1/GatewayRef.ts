// Original file: parley/presence/v1/presence.proto


export interface GatewayRef {
  'gateway_id'?: (string);
}

export interface GatewayRef__Output {
  'gateway_id': (string);
}
