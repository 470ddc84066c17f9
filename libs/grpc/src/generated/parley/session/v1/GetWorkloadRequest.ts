// Original file: parley/session/v1/session.proto


export interface GetWorkloadRequest {
}

export interface GetWorkloadRequest__Output {
}
