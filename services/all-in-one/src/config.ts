import path from 'node:path';
import { z } from 'zod';
import { attachmentConfigSchema } from '@parley/attachment';
import { busSettings, env, loggingSettings, parseConfig, parseConfigs, setting, type Env, type ServiceName } from '@parley/config';
import { gatewayConfigSchema } from '@parley/gateway';
import { messageConfigSchema } from '@parley/message';
import { presenceConfigSchema } from '@parley/presence';
import { sessionConfigSchema } from '@parley/session';

const inProcessPort = (service: ServiceName) => setting(env.port(0), `gRPC port of the ${service} service inside the process (on 127.0.0.1); 0: a free port.`);

/** The all-in-one runner's own settings; the services' settings apply too, as the runner hands them over. */
export const allInOneConfigSchema = z.object({
  DATABASE_URL: setting(env.optionalUrl(), 'An external PostgreSQL; unset: an embedded PostgreSQL under PARLEY_DATA_DIR.', { example: 'postgres://parley:parley@127.0.0.1:5432/parley' }),
  AMQP_URL: setting(env.optionalUrl(), 'RabbitMQ; unset: the in-process event bus.', { example: 'amqp://guest:guest@127.0.0.1:5672' }),
  EVENTS_EXCHANGE: busSettings.EVENTS_EXCHANGE,
  PARLEY_DATA_DIR: setting(z.string().min(1).default('.data'), "Folder of the embedded PostgreSQL's data (kept between runs) and of the attachments on disk."),
  JWT_SECRET: setting(env.optionalString(), 'The platform\'s JWT secret; unset: the development secret that `npm run token` also uses (never in production).'),
  SESSION_GRPC_PORT: inProcessPort('session'),
  MESSAGE_GRPC_PORT: inProcessPort('message'),
  PRESENCE_GRPC_PORT: inProcessPort('presence'),
  ATTACHMENT_GRPC_PORT: inProcessPort('attachment'),
  S3_ENDPOINT: setting(env.optionalUrl(), 'An S3 server for attachments (with S3_ACCESS_KEY and S3_SECRET_KEY); unset: files under PARLEY_DATA_DIR/attachments.', {
    example: 'http://127.0.0.1:9000',
  }),
  ATTACHMENT_LINK_SECRET: setting(env.optionalString(), 'Signs download links; unset: a random secret made at each start (links live minutes).'),
  INTERNAL_GRPC_TOKEN: setting(env.optionalString(), "The services' shared gRPC secret; unset: a random one made at each start (nothing outside the process calls them)."),
  ...loggingSettings,
});

export type AllInOneConfig = z.infer<typeof allInOneConfigSchema>;

export const loadAllInOneConfig = (source: Env = process.env): AllInOneConfig => parseConfig(allInOneConfigSchema, source);

/** What the runner decides for the services in its process. */
export interface InProcessWiring {
  databaseUrl: string;
  ports: Record<ServiceName, number>;
  jwtSecret: string;
  internalToken: string;
  linkSecret: string;
}

/**
 * Every service's settings as the runner hands them over (the operator's environment, the
 * runner's wiring on top), all checked at once, so a wrong one stops `npm start` before anything starts.
 */
export function loadServiceConfigs(source: Env, config: AllInOneConfig, wiring: InProcessWiring) {
  const { ports } = wiring;
  const shared: Env = {
    ...source,
    DATABASE_URL: wiring.databaseUrl,
    JWT_SECRET: wiring.jwtSecret,
    INTERNAL_GRPC_TOKEN: wiring.internalToken,
    SESSION_SERVICE_ADDR: `127.0.0.1:${ports.session}`,
    MESSAGE_SERVICE_ADDR: `127.0.0.1:${ports.message}`,
    PRESENCE_SERVICE_ADDR: `127.0.0.1:${ports.presence}`,
    ATTACHMENT_SERVICE_ADDR: `127.0.0.1:${ports.attachment}`,
  };
  const grpc = (service: ServiceName): Env => ({ [`${service.toUpperCase()}_GRPC_HOST`]: '127.0.0.1', [`${service.toUpperCase()}_GRPC_PORT`]: String(ports[service]) });
  return parseConfigs({
    session: [sessionConfigSchema, { ...shared, ...grpc('session') }],
    message: [messageConfigSchema, { ...shared, ...grpc('message') }],
    presence: [presenceConfigSchema, { ...shared, ...grpc('presence') }],
    attachment: [
      attachmentConfigSchema,
      {
        ATTACHMENT_STORE: config.S3_ENDPOINT ? 's3' : 'disk',
        ATTACHMENT_DISK_DIR: path.join(config.PARLEY_DATA_DIR, 'attachments'),
        ...shared,
        ATTACHMENT_LINK_SECRET: wiring.linkSecret,
        ...grpc('attachment'),
      },
    ],
    gateway: [gatewayConfigSchema, shared],
  });
}
