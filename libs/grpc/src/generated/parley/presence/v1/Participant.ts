// Original file: parley/presence/v1/presence.proto


export interface Participant {
  'user_id'?: (string);
  'role'?: (string);
  'name'?: (string);
}

export interface Participant__Output {
  'user_id': (string);
  'role': (string);
  'name': (string);
}
