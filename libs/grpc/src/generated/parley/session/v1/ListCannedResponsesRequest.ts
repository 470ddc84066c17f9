// Original file: parley/session/v1/session.proto


export interface ListCannedResponsesRequest {
}

export interface ListCannedResponsesRequest__Output {
}
