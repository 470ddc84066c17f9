// Original file: parley/message/v1/message.proto

import type { Long } from '@grpc/proto-loader';

export interface ListMessagesRequest {
  'session_id'?: (string);
  'limit'?: (number);
  'offset'?: (number);
  'has_after_seq'?: (boolean);
  'after_seq'?: (number | string | Long);
}

export interface ListMessagesRequest__Output {
  'session_id': (string);
  'limit': (number);
  'offset': (number);
  'has_after_seq': (boolean);
  'after_seq': (number);
}
