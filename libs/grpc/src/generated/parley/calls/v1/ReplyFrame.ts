// Original file: parley/calls/v1/calls.proto

import type { Long } from '@grpc/proto-loader';

export interface ReplyFrame {
  'id'?: (number | string | Long);
  'code'?: (number);
  'details'?: (string);
  'response'?: (Buffer | Uint8Array | string);
  'not_run'?: (boolean);
}

export interface ReplyFrame__Output {
  'id': (number);
  'code': (number);
  'details': (string);
  'response': (Buffer);
  'not_run': (boolean);
}
