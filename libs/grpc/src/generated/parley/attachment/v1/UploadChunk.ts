// Original file: parley/attachment/v1/attachment.proto

import type { UploadInfo as _parley_attachment_v1_UploadInfo, UploadInfo__Output as _parley_attachment_v1_UploadInfo__Output } from '../../../parley/attachment/v1/UploadInfo';

export interface UploadChunk {
  'info'?: (_parley_attachment_v1_UploadInfo | null);
  'data'?: (Buffer | Uint8Array | string);
  'part'?: "info"|"data";
}

export interface UploadChunk__Output {
  'info'?: (_parley_attachment_v1_UploadInfo__Output | null);
  'data'?: (Buffer);
  'part'?: "info"|"data";
}
