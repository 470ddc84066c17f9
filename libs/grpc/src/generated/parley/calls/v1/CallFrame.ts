// Original file: parley/calls/v1/calls.proto

import type { Long } from '@grpc/proto-loader';

export interface CallFrame {
  'id'?: (number | string | Long);
  'method'?: (string);
  'request'?: (Buffer | Uint8Array | string);
  'metadata'?: ({[key: string]: string});
  'deadline_ms'?: (number | string | Long);
}

export interface CallFrame__Output {
  'id': (number);
  'method': (string);
  'request': (Buffer);
  'metadata': ({[key: string]: string});
  'deadline_ms': (number);
}
