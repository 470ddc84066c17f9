// Original file: parley/attachment/v1/attachment.proto


export interface UploadInfo {
  'file_name'?: (string);
  'declared_type'?: (string);
}

export interface UploadInfo__Output {
  'file_name': (string);
  'declared_type': (string);
}
