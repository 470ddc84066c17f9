// Original file: parley/attachment/v1/attachment.proto


export interface AttachmentRef {
  'attachment_id'?: (string);
}

export interface AttachmentRef__Output {
  'attachment_id': (string);
}
