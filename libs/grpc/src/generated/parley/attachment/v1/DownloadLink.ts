// Original file: parley/attachment/v1/attachment.proto


export interface DownloadLink {
  'url'?: (string);
  'expires_at'?: (string);
}

export interface DownloadLink__Output {
  'url': (string);
  'expires_at': (string);
}
