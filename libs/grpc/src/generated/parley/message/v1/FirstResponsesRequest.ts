// Original file: parley/message/v1/message.proto


export interface FirstResponsesRequest {
  'from'?: (string);
  'to'?: (string);
}

export interface FirstResponsesRequest__Output {
  'from': (string);
  'to': (string);
}
