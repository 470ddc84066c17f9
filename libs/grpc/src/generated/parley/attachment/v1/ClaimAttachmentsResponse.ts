// Original file: parley/attachment/v1/attachment.proto

import type { Attachment as _parley_attachment_v1_Attachment, Attachment__Output as _parley_attachment_v1_Attachment__Output } from '../../../parley/attachment/v1/Attachment';

export interface ClaimAttachmentsResponse {
  'attachments'?: (_parley_attachment_v1_Attachment)[];
}

export interface ClaimAttachmentsResponse__Output {
  'attachments': (_parley_attachment_v1_Attachment__Output)[];
}
