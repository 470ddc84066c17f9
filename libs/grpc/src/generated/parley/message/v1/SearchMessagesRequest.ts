// Original file: parley/message/v1/message.proto


export interface SearchMessagesRequest {
  'q'?: (string);
  'status'?: (string);
  'limit'?: (number);
  'offset'?: (number);
}

export interface SearchMessagesRequest__Output {
  'q': (string);
  'status': (string);
  'limit': (number);
  'offset': (number);
}
