import * as grpc from '@grpc/grpc-js';

/** A failure as a grpc-js client reports one: an Error with the status code and details. */
export function serviceError(error: Partial<grpc.ServiceError>): grpc.ServiceError {
  const failure = new Error(error.details ?? 'Call failed') as grpc.ServiceError;
  failure.code = error.code ?? grpc.status.UNKNOWN;
  failure.details = error.details ?? failure.message;
  failure.metadata = error.metadata ?? new grpc.Metadata();
  return failure;
}

const UNRUN = Symbol('reached no handler');
const NO_CALL_STREAM = Symbol('the server has no call stream');

/** Marks a failure of a call that reached no handler: it may be sent to another instance. */
export function unrun(error: grpc.ServiceError): grpc.ServiceError {
  return Object.assign(error, { [UNRUN]: true });
}
export const isUnrun = (error: grpc.ServiceError): boolean => (error as unknown as Record<symbol, unknown>)[UNRUN] === true;

/** Marks the failure of a call to a server without the call stream (an older version): call it unary. */
export function noCallStream(error: grpc.ServiceError): grpc.ServiceError {
  return Object.assign(error, { [NO_CALL_STREAM]: true });
}
export const isNoCallStream = (error: grpc.ServiceError): boolean => (error as unknown as Record<symbol, unknown>)[NO_CALL_STREAM] === true;
