// Original file: parley/attachment/v1/attachment.proto


export interface DownloadLinkRequest {
  'attachment_id'?: (string);
  'thumbnail'?: (boolean);
}

export interface DownloadLinkRequest__Output {
  'attachment_id': (string);
  'thumbnail': (boolean);
}
