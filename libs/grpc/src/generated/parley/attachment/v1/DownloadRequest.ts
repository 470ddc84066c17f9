// Original file: parley/attachment/v1/attachment.proto


export interface DownloadRequest {
  'attachment_id'?: (string);
  'thumbnail'?: (boolean);
  'expires'?: (string);
  'signature'?: (string);
}

export interface DownloadRequest__Output {
  'attachment_id': (string);
  'thumbnail': (boolean);
  'expires': (string);
  'signature': (string);
}
