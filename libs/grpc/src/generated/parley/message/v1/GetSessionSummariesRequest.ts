// Original file: parley/message/v1/message.proto


export interface GetSessionSummariesRequest {
  'session_ids'?: (string)[];
}

export interface GetSessionSummariesRequest__Output {
  'session_ids': (string)[];
}
