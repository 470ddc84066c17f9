import { z } from 'zod';
import { env, parseConfig } from '@parley/config';
import { sessionCacheSettings } from '@parley/session-directory';

export const messageConfigSchema = z.object({
  DATABASE_URL: env.url(),
  AMQP_URL: env.optionalUrl(),
  EVENTS_EXCHANGE: z.string().min(1).default('parley.events'),
  MESSAGE_GRPC_HOST: z.string().default('0.0.0.0'),
  /** Serves GET /metrics (Prometheus) on this port; unset: no metrics server (the all-in-one gateway shows them). */
  METRICS_PORT: env.optionalPort(),
  MESSAGE_GRPC_PORT: env.port(50052),
  /** Shared secret every internal gRPC call carries (required; the all-in-one runner makes one). */
  INTERNAL_GRPC_TOKEN: env.internalToken(),
  SESSION_SERVICE_ADDR: env.address('127.0.0.1:50051'),
  /** Any support agent may reply in an active chat, not only its assigned agent. */
  ALLOW_ANY_AGENT_REPLY: env.boolean(false),
  ATTACHMENT_SERVICE_ADDR: env.address('127.0.0.1:50054'),
  ...sessionCacheSettings,
  /** Connections to PostgreSQL at most. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  /**
   * Sends running at once; one more is refused with RESOURCE_EXHAUSTED (clients retry later): an
   * overload turns into quick refusals instead of answers seconds late and a backlog that outlives
   * it. Read receipts are not refused: nothing would send them again.
   */
  MAX_SENDS_RUNNING: z.coerce.number().int().min(1).default(200),
});

export type MessageConfig = z.infer<typeof messageConfigSchema>;

export const loadMessageConfig = (source: Record<string, string | undefined> = process.env): MessageConfig =>
  parseConfig(messageConfigSchema, source);
