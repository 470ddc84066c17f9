// Original file: parley/message/v1/message.proto

import type { Long } from '@grpc/proto-loader';

export interface Attachment {
  'id'?: (string);
  'file_name'?: (string);
  'file_url'?: (string);
  'file_size'?: (number | string | Long);
  'file_type'?: (string);
  'thumbnail_url'?: (string);
}

export interface Attachment__Output {
  'id': (string);
  'file_name': (string);
  'file_url': (string);
  'file_size': (number);
  'file_type': (string);
  'thumbnail_url': (string);
}
