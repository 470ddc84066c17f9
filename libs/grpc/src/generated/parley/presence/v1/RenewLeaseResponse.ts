// Original file: parley/presence/v1/presence.proto


export interface RenewLeaseResponse {
  'known'?: (boolean);
}

export interface RenewLeaseResponse__Output {
  'known': (boolean);
}
