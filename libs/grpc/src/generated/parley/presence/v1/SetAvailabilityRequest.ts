// Original file: parley/presence/v1/presence.proto


export interface SetAvailabilityRequest {
  'status'?: (string);
}

export interface SetAvailabilityRequest__Output {
  'status': (string);
}
