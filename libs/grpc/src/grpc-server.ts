import * as grpc from '@grpc/grpc-js';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import { AppError } from '@parley/errors';
import type { Logger } from '@parley/logger';
import { buildInfo, metrics } from '@parley/metrics';
import { fromMetadata, type CallContext } from './call-metadata';
import { requireInternalToken } from './internal-auth';
import { grpcStatusOf } from './status-codes';
import { DEPENDENCY_UNAVAILABLE, isDependencyUnavailable } from './unavailable';
import type { LocalServices } from './local-services';
import { CallStreamServer } from './call-stream.server';
import { callsProto } from './proto-loader';

/** Where a service's grpc.health.v1 is found among a process's local services. */
export const localHealthName = (serviceName: string) => `${serviceName}/health`;

/**
 * Turns an async domain call into a gRPC unary handler: decodes the caller from metadata, maps
 * AppErrors to their status, an unreachable database to UNAVAILABLE, and logs anything else, which
 * the caller only sees as INTERNAL.
 */
export function unary<Req, Res>(
  logger: Logger,
  handle: (request: Req, context: CallContext) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const method = call.getPath();
    const stopTimer = metrics.grpcServerDuration.startTimer({ method });
    const done = (code: string) => {
      stopTimer();
      metrics.grpcServerHandled.inc({ method, code });
    };
    let context: CallContext;
    try {
      context = fromMetadata(call.metadata);
    } catch (error) {
      done('UNAUTHENTICATED');
      callback(toServiceError(logger, error, method));
      return;
    }
    const started = Date.now();
    handle(call.request, context).then(
      (response) => {
        logger.debug({ method, requestId: context.requestId, ms: Date.now() - started }, 'gRPC call');
        done('OK');
        callback(null, response);
      },
      (error: unknown) => {
        done(error instanceof AppError ? error.code : 'INTERNAL');
        callback(toServiceError(logger, error, method, context.requestId));
      },
    );
  };
}

export function toServiceError(logger: Logger, error: unknown, method: string, requestId?: string): Partial<grpc.ServiceError> {
  if (error instanceof AppError) {
    return { code: grpcStatusOf(error.code), details: error.message };
  }
  if (isDependencyUnavailable(error)) {
    logger.warn({ err: (error as Error).message, method, requestId }, 'a dependency is unavailable');
    return { code: grpc.status.UNAVAILABLE, details: DEPENDENCY_UNAVAILABLE };
  }
  logger.error({ err: error, method, requestId }, 'unexpected error in gRPC handler');
  return { code: grpc.status.INTERNAL, details: 'Internal error' };
}

/**
 * A gRPC server with `grpc.health.v1` on it; the overall status ('') follows the service's
 * dependencies. Every other call must carry the shared internal token (internal-auth.ts). Given
 * the process's `local` services (all-in-one), what it serves is reachable in process too, its
 * health as `localHealthName(serviceName)`.
 */
export class GrpcServer {
  readonly server: grpc.Server;
  readonly health = new HealthImplementation({ '': 'NOT_SERVING' });
  /** The unary calls clients send over one stream (call-stream.server.ts). */
  private readonly calls = new CallStreamServer();

  constructor(
    private readonly logger: Logger,
    internalToken: string,
    private readonly local?: LocalServices,
  ) {
    this.server = new grpc.Server({ 'grpc.max_receive_message_length': 4 * 1024 * 1024, 'grpc.enable_channelz': 0, interceptors: [requireInternalToken(internalToken)] });
    this.health.addToServer(this.server);
    this.server.addService(callsProto().CallStream.service, this.calls.handlers);
  }

  addService<H extends grpc.UntypedServiceImplementation>(definition: grpc.ServiceDefinition, handlers: H, serviceName: string): void {
    this.server.addService(definition, handlers);
    this.calls.add(definition, handlers);
    if (this.local) {
      const local = this.local;
      local.register(serviceName, definition, handlers);
      this.health.addToServer({ addService: (health: grpc.ServiceDefinition, impl: object) => local.register(localHealthName(serviceName), health, impl) } as unknown as grpc.Server);
    }
    this.health.setStatus(serviceName, 'SERVING');
  }

  setServing(status: ServingStatus): void {
    this.health.setStatus('', status);
  }

  /** Binds the address; answers the bound port (useful with port 0). */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) => {
        if (error) reject(error);
        else {
          this.setServing('SERVING');
          this.logger.info({ port: bound, ...buildInfo() }, 'gRPC server listening');
          resolve(bound);
        }
      });
    });
  }

  /** Finishes in-flight calls, then stops; forces the stop after `graceMs`. */
  stop(graceMs = 5000): Promise<void> {
    this.setServing('NOT_SERVING');
    this.calls.drain();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
