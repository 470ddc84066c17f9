// Original file: parley/session/v1/session.proto


export interface FindSessionsRequest {
  'session_ids'?: (string)[];
}

export interface FindSessionsRequest__Output {
  'session_ids': (string)[];
}
