// Original file: parley/session/v1/session.proto


export interface DeleteCannedResponseResponse {
}

export interface DeleteCannedResponseResponse__Output {
}
