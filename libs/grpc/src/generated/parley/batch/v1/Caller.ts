// Original file: parley/batch/v1/batch.proto


export interface Caller {
  'user_id'?: (string);
  'role'?: (string);
  'name'?: (string);
  'request_id'?: (string);
}

export interface Caller__Output {
  'user_id': (string);
  'role': (string);
  'name': (string);
  'request_id': (string);
}
