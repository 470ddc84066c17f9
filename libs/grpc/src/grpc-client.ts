import * as grpc from '@grpc/grpc-js';
import { AppError } from '@parley/errors';
import { metrics } from '@parley/metrics';
import { toMetadata, type CallContext } from './call-metadata';
import { errorCodeOf } from './status-codes';
import { RETRY_POLICY, retryPauses, SERVICE_CONFIG } from './retry-policy';

export { RETRY_POLICY, SAFE_TO_RETRY, SERVICE_CONFIG } from './retry-policy';

/** Every call has a deadline; this one unless the caller names another. */
export const DEFAULT_DEADLINE_MS = 5000;

export const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.max_receive_message_length': 16 * 1024 * 1024,
  // Reconnect quickly after a restarted service comes back.
  'grpc.initial_reconnect_backoff_ms': 200,
  'grpc.max_reconnect_backoff_ms': 1000,
  // Balancing and retries (retry-policy.ts); resolvers' TXT records never override them.
  'grpc.service_config': JSON.stringify(SERVICE_CONFIG),
  'grpc.service_config_disable_resolution': 1,
  // No channelz bookkeeping per call: nothing reads it (docs/architecture.md, gRPC).
  'grpc.enable_channelz': 0,
};

type Start<Res> = (metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<Res>) => unknown;

export interface InvokeOptions {
  deadlineMs?: number;
  /**
   * The call is safe to run twice (idempotent by key: sends whose items all carry a temp_id) though
   * its method is not in SAFE_TO_RETRY: an UNAVAILABLE answer is tried again, as grpc-js does for
   * the safe methods, within the same deadline.
   */
  retrySafe?: boolean;
}

/**
 * Runs one unary call with the caller's identity in metadata and a deadline, and turns a failed
 * call into an AppError whose code is the gRPC status name.
 */
export async function invoke<Res>(serviceLabel: string, start: Start<Res>, context: CallContext, options: number | InvokeOptions = {}): Promise<Res> {
  const { deadlineMs = DEFAULT_DEADLINE_MS, retrySafe = false } = typeof options === 'number' ? { deadlineMs: options } : options;
  const deadline = Date.now() + deadlineMs;
  const nextPause = retryPauses();
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptCall(serviceLabel, start, context, deadline);
    } catch (error) {
      const pause = nextPause();
      const retry = retrySafe && attempt < RETRY_POLICY.maxAttempts && error instanceof AppError && error.code === 'UNAVAILABLE' && Date.now() + pause < deadline;
      if (!retry) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

function attemptCall<Res>(serviceLabel: string, start: Start<Res>, context: CallContext, deadline: number): Promise<Res> {
  const stopTimer = metrics.grpcClientDuration.startTimer({ service: serviceLabel });
  return new Promise((resolve, reject) => {
    start(toMetadata(context), { deadline }, (error, response) => {
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
      return new AppError(code, 'Internal error', { service: serviceLabel, grpcStatus: grpc.status[error.code], grpcDetails: error.details });
    default:
      return new AppError(code, error.details);
  }
}
