// Original file: parley/presence/v1/presence.proto


export interface OnlineAgent {
  'user_id'?: (string);
  'role'?: (string);
  'name'?: (string);
  'connections'?: (number);
  'session_ids'?: (string)[];
  'online_since'?: (string);
  'availability'?: (string);
}

export interface OnlineAgent__Output {
  'user_id': (string);
  'role': (string);
  'name': (string);
  'connections': (number);
  'session_ids': (string)[];
  'online_since': (string);
  'availability': (string);
}
