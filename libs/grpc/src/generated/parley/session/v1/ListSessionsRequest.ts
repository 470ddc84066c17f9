// Original file: parley/session/v1/session.proto


export interface ListSessionsRequest {
  'status'?: (string);
  'limit'?: (number);
  'offset'?: (number);
  'assigned_to_me'?: (boolean);
}

export interface ListSessionsRequest__Output {
  'status': (string);
  'limit': (number);
  'offset': (number);
  'assigned_to_me': (boolean);
}
