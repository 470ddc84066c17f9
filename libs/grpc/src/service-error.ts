import * as grpc from '@grpc/grpc-js';

/** A failure as a grpc-js client reports one: an Error with the status code and details. */
export function serviceError(error: Partial<grpc.ServiceError>): grpc.ServiceError {
  const failure = new Error(error.details ?? 'Call failed') as grpc.ServiceError;
  failure.code = error.code ?? grpc.status.UNKNOWN;
  failure.details = error.details ?? failure.message;
  failure.metadata = error.metadata ?? new grpc.Metadata();
  return failure;
}
