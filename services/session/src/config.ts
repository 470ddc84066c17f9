import { z } from 'zod';
import { env, parseConfig } from '@parley/config';

export const sessionConfigSchema = z.object({
  DATABASE_URL: env.url(),
  AMQP_URL: env.optionalUrl(),
  EVENTS_EXCHANGE: z.string().min(1).default('parley.events'),
  SESSION_GRPC_HOST: z.string().default('0.0.0.0'),
  /** Serves GET /metrics (Prometheus) on this port; unset: no metrics server (the all-in-one gateway shows them). */
  METRICS_PORT: env.optionalPort(),
  SESSION_GRPC_PORT: env.port(50051),
  /** Shared secret every internal gRPC call carries (required; the all-in-one runner makes one). */
  INTERNAL_GRPC_TOKEN: env.internalToken(),
});

export type SessionConfig = z.infer<typeof sessionConfigSchema>;

export const loadSessionConfig = (source: Record<string, string | undefined> = process.env): SessionConfig =>
  parseConfig(sessionConfigSchema, source);
