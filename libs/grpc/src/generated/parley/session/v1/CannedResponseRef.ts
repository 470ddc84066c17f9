// Original file: parley/session/v1/session.proto


export interface CannedResponseRef {
  'id'?: (string);
}

export interface CannedResponseRef__Output {
  'id': (string);
}
