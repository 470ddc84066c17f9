import * as grpc from '@grpc/grpc-js';
import { requestContext } from '@parley/contracts';
import { AppError } from '@parley/errors';
import { metrics } from '@parley/metrics';
import { toMetadata, type CallContext } from './call-metadata';
import { errorCodeOf } from './status-codes';

/** Every call has a deadline; this one unless the caller names another. */
export const DEFAULT_DEADLINE_MS = 5000;

/**
 * A call answered UNAVAILABLE (the service, or its database, cannot be reached) is tried twice more
 * by grpc-js with a short randomised backoff, within the call's deadline: a blip is invisible, an
 * outage still ends in a clear UNAVAILABLE within a second. Kept short because calls nest (gateway →
 * message → session), and each layer's tries multiply.
 */
export const RETRY_POLICY = {
  maxAttempts: 3,
  initialBackoff: '0.1s',
  maxBackoff: '0.5s',
  backoffMultiplier: 2,
  retryableStatusCodes: ['UNAVAILABLE'],
};

export const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.max_receive_message_length': 16 * 1024 * 1024,
  // Reconnect quickly after a restarted service comes back.
  'grpc.initial_reconnect_backoff_ms': 200,
  'grpc.max_reconnect_backoff_ms': 1000,
  'grpc.service_config': JSON.stringify({ methodConfig: [{ name: [{}], retryPolicy: RETRY_POLICY }] }),
};

type Start<Res> = (metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<Res>) => unknown;

/**
 * Runs one unary call with the caller's identity in metadata and a deadline, and turns a failed
 * call into an AppError whose code is the gRPC status name.
 */
export function invoke<Res>(serviceLabel: string, start: Start<Res>, context: CallContext, deadlineMs = DEFAULT_DEADLINE_MS): Promise<Res> {
  const stopTimer = metrics.grpcClientDuration.startTimer({ service: serviceLabel });
  return new Promise((resolve, reject) => {
    // A service calling another on a user's behalf passes the request id on.
    const withRequest = context.requestId ? context : { ...context, requestId: requestContext.currentRequestId() };
    start(toMetadata(withRequest), { deadline: Date.now() + deadlineMs }, (error, response) => {
      if (error) {
        const failure = toAppError(serviceLabel, error);
        stopTimer({ code: failure.code });
        reject(failure);
      } else {
        stopTimer({ code: 'OK' });
        resolve(response as Res);
      }
    });
  });
}

export function toAppError(serviceLabel: string, error: grpc.ServiceError): AppError {
  const code = errorCodeOf(error.code);
  switch (code) {
    case 'UNAVAILABLE':
      return new AppError(code, `The ${serviceLabel} service is unavailable, try again shortly`);
    case 'DEADLINE_EXCEEDED':
      return new AppError(code, `The ${serviceLabel} service did not answer in time`);
    case 'INTERNAL':
      // What went wrong stays out of the message (clients see it) and in the details (logs see them).
      return new AppError(code, 'Internal error', { service: serviceLabel, grpcDetails: error.details });
    default:
      return new AppError(code, error.details);
  }
}
