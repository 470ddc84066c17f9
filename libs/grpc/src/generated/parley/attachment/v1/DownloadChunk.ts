// Original file: parley/attachment/v1/attachment.proto

import type { DownloadInfo as _parley_attachment_v1_DownloadInfo, DownloadInfo__Output as _parley_attachment_v1_DownloadInfo__Output } from '../../../parley/attachment/v1/DownloadInfo';

export interface DownloadChunk {
  'info'?: (_parley_attachment_v1_DownloadInfo | null);
  'data'?: (Buffer | Uint8Array | string);
  'part'?: "info"|"data";
}

export interface DownloadChunk__Output {
  'info'?: (_parley_attachment_v1_DownloadInfo__Output | null);
  'data'?: (Buffer);
  'part'?: "info"|"data";
}
