// Original file: parley/attachment/v1/attachment.proto

import type { Long } from '@grpc/proto-loader';

export interface DownloadInfo {
  'file_name'?: (string);
  'content_type'?: (string);
  'size'?: (number | string | Long);
}

export interface DownloadInfo__Output {
  'file_name': (string);
  'content_type': (string);
  'size': (number);
}
