// Original file: parley/message/v1/message.proto


export interface ListAnsweredSessionsResponse {
  'session_ids'?: (string)[];
}

export interface ListAnsweredSessionsResponse__Output {
  'session_ids': (string)[];
}
