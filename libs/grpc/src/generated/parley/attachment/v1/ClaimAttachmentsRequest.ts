// Original file: parley/attachment/v1/attachment.proto


export interface ClaimAttachmentsRequest {
  'session_id'?: (string);
  'attachment_ids'?: (string)[];
}

export interface ClaimAttachmentsRequest__Output {
  'session_id': (string);
  'attachment_ids': (string)[];
}
