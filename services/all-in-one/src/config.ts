import { z } from 'zod';
import { env, parseConfig } from '@parley/config';

/** The all-in-one runner's own settings; each service reads the rest of the environment itself. */
export const allInOneConfigSchema = z.object({
  /** An external PostgreSQL; when absent an embedded one runs under PARLEY_DATA_DIR. */
  DATABASE_URL: env.optionalUrl(),
  /** RabbitMQ; when absent the in-process bus is used. */
  AMQP_URL: env.optionalUrl(),
  PARLEY_DATA_DIR: z.string().min(1).default('.data'),
  JWT_SECRET: z.string().optional(),
  /** gRPC ports of the services inside the process; 0 picks free ones. */
  SESSION_GRPC_PORT: env.port(0),
  MESSAGE_GRPC_PORT: env.port(0),
  PRESENCE_GRPC_PORT: env.port(0),
  ATTACHMENT_GRPC_PORT: env.port(0),
  /** An S3 server (MinIO) for attachments; when absent they are kept under PARLEY_DATA_DIR/attachments. */
  S3_ENDPOINT: env.optionalUrl(),
  /** Signs download links; when absent a random one is made at each start (links live minutes). */
  ATTACHMENT_LINK_SECRET: z.string().optional(),
  /** The services' shared gRPC secret; when absent a random one is made at each start (nothing outside the process calls them). */
  INTERNAL_GRPC_TOKEN: z.string().optional(),
});

export type AllInOneConfig = z.infer<typeof allInOneConfigSchema>;

export const loadAllInOneConfig = (source: Record<string, string | undefined> = process.env): AllInOneConfig =>
  parseConfig(allInOneConfigSchema, source);
