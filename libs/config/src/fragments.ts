import { z } from 'zod';
import { ATTACHMENT_DEFAULTS } from '@parley/contracts';
import { env } from './env';
import { setting } from './setting';

/**
 * The settings every service reads, each defined once. A service's schema spreads the fragments it
 * needs next to its own settings: `z.object({ ...databaseSettings(20), ...busSettings, ... })`.
 */

/** PostgreSQL: where, and how many connections this service keeps at most. */
export const databaseSettings = (poolMax: number) => ({
  DATABASE_URL: setting(env.url(), 'PostgreSQL connection URL.', { example: 'postgres://parley:parley@127.0.0.1:5432/parley' }),
  DB_POOL_MAX: setting(env.int(poolMax, 1, 500), 'PostgreSQL connections of this service at most.'),
});

/** The event bus: RabbitMQ and the topic exchange every event goes through. */
export const busSettings = {
  AMQP_URL: setting(env.optionalUrl(), 'RabbitMQ URL; a process started on its own stops without it.', { example: 'amqp://guest:guest@127.0.0.1:5672' }),
  EVENTS_EXCHANGE: setting(z.string().min(1).default('parley.events'), 'The topic exchange events are published on and consumed from.'),
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const loggingSettings = {
  LOG_LEVEL: setting(z.enum(LOG_LEVELS).default('info'), `Log level (pino): ${LOG_LEVELS.join(', ')}.`),
};

export const metricsSettings = {
  METRICS_PORT: setting(env.optionalPort(), 'Serves Prometheus GET /metrics on this port; unset: no metrics server (a gateway serves /metrics on PORT).', { example: '9464' }),
};

export const internalTokenSettings = {
  INTERNAL_GRPC_TOKEN: setting(
    z.string({ error: 'is required (the shared secret of the gRPC calls between services)' }).min(16, 'must be at least 16 characters'),
    'Shared secret every gRPC call between the services carries, at least 16 characters, the same everywhere; calls without it are refused (health checks stay open).',
  ),
};

/** The settings in every service's schema (the gateway has no database), for the docs' "every service" part. */
export const SHARED_SETTING_NAMES: readonly string[] = Object.keys({ ...databaseSettings(1), ...busSettings, ...loggingSettings, ...metricsSettings, ...internalTokenSettings });

export type ServiceName = 'session' | 'message' | 'presence' | 'attachment';

/** Each service's gRPC port when nothing says otherwise; its callers' default addresses follow. */
export const DEFAULT_GRPC_PORTS: Record<ServiceName, number> = { session: 50051, message: 50052, presence: 50053, attachment: 50054 };

const upper = (service: ServiceName) => service.toUpperCase() as Uppercase<ServiceName>;

/** Where a service's own gRPC server listens: `<SERVICE>_GRPC_HOST` and `<SERVICE>_GRPC_PORT`. */
export function grpcServerSettings<S extends ServiceName>(service: S) {
  return {
    [`${upper(service)}_GRPC_HOST`]: setting(z.string().min(1).default('0.0.0.0'), `Address the ${service} service's gRPC server binds (0.0.0.0: every interface, as in a container).`),
    [`${upper(service)}_GRPC_PORT`]: setting(env.port(DEFAULT_GRPC_PORTS[service]), `Port of the ${service} service's gRPC server.`),
  } as { [K in `${Uppercase<S>}_GRPC_HOST`]: z.ZodDefault<z.ZodString> } & { [K in `${Uppercase<S>}_GRPC_PORT`]: ReturnType<typeof env.port> };
}

/** Where a caller reaches a service: `<SERVICE>_SERVICE_ADDR`, host:port, a list of them, or dns:///name:port. */
export function serviceAddressSettings<S extends ServiceName>(service: S) {
  return {
    [`${upper(service)}_SERVICE_ADDR`]: setting(env.address(`127.0.0.1:${DEFAULT_GRPC_PORTS[service]}`), `The ${service} service's gRPC server: host:port, a comma-separated list of host:port (one per instance), or dns:///name:port (every address the name resolves to); calls are balanced round robin over the instances that are up.`),
  } as { [K in `${Uppercase<S>}_SERVICE_ADDR`]: ReturnType<typeof env.address> };
}

/** The platform's JWT secret (the gateway; docker compose requires it). */
export const jwtSecretSettings = {
  JWT_SECRET: setting(env.secret(), "HS256 secret the platform's JWTs are signed with, at least 16 characters."),
};

/** The download links' signing secret (the attachment service; docker compose requires it). */
export const linkSecretSettings = {
  ATTACHMENT_LINK_SECRET: setting(env.secret(), 'Signs the short-lived download links, at least 16 characters, the same on every instance.'),
};

/** The upload limits every process that checks uploads reads (the gateway while the body streams in, the attachment service): the protocol's by default. */
export const attachmentLimitSettings = {
  ATTACHMENT_MAX_FILE_BYTES: setting(env.int(ATTACHMENT_DEFAULTS.maxFileBytes, 1, 1024 * 1024 * 1024), 'Largest file accepted, in bytes.'),
  ATTACHMENT_MAX_FILES: setting(env.int(ATTACHMENT_DEFAULTS.maxFiles, 1, 50), 'Most files in one upload or message.'),
};

/** What every backend service (session, message, presence, attachment) reads: the shared fragments and its own gRPC server. */
export function serviceBaseSettings<S extends ServiceName>(service: S, { poolMax }: { poolMax: number }) {
  return { ...databaseSettings(poolMax), ...busSettings, ...loggingSettings, ...metricsSettings, ...internalTokenSettings, ...grpcServerSettings(service) };
}
