// Original file: parley/attachment/v1/attachment.proto


export interface DeleteAttachmentResponse {
}

export interface DeleteAttachmentResponse__Output {
}
