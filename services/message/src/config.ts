import { z } from 'zod';
import { env, parseConfig } from '@parley/config';

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
});

export type MessageConfig = z.infer<typeof messageConfigSchema>;

export const loadMessageConfig = (source: Record<string, string | undefined> = process.env): MessageConfig =>
  parseConfig(messageConfigSchema, source);
