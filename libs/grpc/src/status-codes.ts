import { status } from '@grpc/grpc-js';
import { isErrorCode, type ErrorCode } from '@parley/errors';

export function grpcStatusOf(code: ErrorCode): status {
  return status[code];
}

/** The error code for a gRPC status a client received; codes outside our set count as INTERNAL. */
export function errorCodeOf(grpcStatus: status): ErrorCode {
  const name = status[grpcStatus];
  if (name === 'CANCELLED') return 'UNAVAILABLE';
  return isErrorCode(name) ? name : 'INTERNAL';
}
