import { timingSafeEqual } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { metrics } from '@parley/metrics';
import { CHANNEL_OPTIONS } from './grpc-client';

/**
 * Service-to-service authentication: every call between Parley processes carries the shared
 * INTERNAL_GRPC_TOKEN in this metadata key, and every server refuses a call without it as
 * UNAUTHENTICATED before any handler runs. Only grpc.health.v1 stays open, so orchestrator probes
 * (compose healthchecks, Kubernetes gRPC probes) work without the secret; it tells nothing but
 * SERVING / NOT_SERVING.
 */
export const INTERNAL_TOKEN_KEY = 'x-parley-internal-token';
const OPEN_SERVICE_PREFIX = '/grpc.health.v1.Health/';

function sameSecret(given: unknown, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const buffer = Buffer.from(given, 'utf8');
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

/** The server side: a grpc-js server interceptor that checks the token on every call but health. */
export function requireInternalToken(token: string): grpc.ServerInterceptor {
  const expected = Buffer.from(token, 'utf8');
  return (method, call) =>
    new grpc.ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, pass) {
            if (method.path.startsWith(OPEN_SERVICE_PREFIX) || sameSecret(metadata.get(INTERNAL_TOKEN_KEY)[0], expected)) {
              pass(metadata);
              return;
            }
            metrics.grpcServerHandled.inc({ method: method.path, code: 'UNAUTHENTICATED' });
            call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'The call lacks the internal service token' });
          },
        });
      },
    });
}

/** The client side: channel options whose interceptor adds the token to every call. */
export function internalClientOptions(token: string): grpc.ClientOptions {
  const addToken: grpc.Interceptor = (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        metadata.set(INTERNAL_TOKEN_KEY, token);
        next(metadata, listener);
      },
    });
  return { ...CHANNEL_OPTIONS, interceptors: [addToken] };
}
