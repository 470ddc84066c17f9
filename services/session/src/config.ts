import { z } from 'zod';
import { env, parseConfig } from '@parley/config';
import { ASSIGN_STRATEGIES } from './domain/assignment-policy';

const ms = (fallback: number, min: number) => z.coerce.number().int().refine((v) => v === 0 || v >= min, { message: `must be 0 (off) or at least ${min}` }).default(fallback);

export const sessionConfigSchema = z.object({
  DATABASE_URL: env.url(),
  AMQP_URL: env.optionalUrl(),
  EVENTS_EXCHANGE: z.string().min(1).default('parley.events'),
  SESSION_GRPC_HOST: z.string().default('0.0.0.0'),
  /** Serves GET /metrics (Prometheus) on this port; unset: no metrics server (the all-in-one gateway shows them). */
  METRICS_PORT: env.optionalPort(),
  SESSION_GRPC_PORT: env.port(50051),
  /**
   * Connections to PostgreSQL at most. Every join asks this service for its session first: with 10
   * connections a reconnect storm queued on them (5,000 clients: 33 s; with 20: 27 s).
   */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  /** Shared secret every internal gRPC call carries (required; the all-in-one runner makes one). */
  INTERNAL_GRPC_TOKEN: env.internalToken(),
  /** The assigner asks presence which agents are online and available, and message whether they answered. */
  PRESENCE_SERVICE_ADDR: env.address('127.0.0.1:50053'),
  MESSAGE_SERVICE_ADDR: env.address('127.0.0.1:50052'),
  /** Auto-assignment of waiting chats: off (agents accept), round_robin or least_loaded. */
  AUTO_ASSIGN: z.enum(ASSIGN_STRATEGIES).default('off'),
  /** The most active chats auto-assignment gives one agent. */
  AGENT_MAX_CHATS: z.coerce.number().int().min(1).max(100).default(5),
  /** An agent offline this long loses their active chats to the queue; 0: never. */
  AGENT_OFFLINE_GRACE_MS: ms(300_000, 1000),
  /** An agent who has not written this long after getting a chat loses it to the queue; 0: never. */
  AGENT_REPLY_TIMEOUT_MS: ms(0, 1000),
  /** How often the assigner looks again (it also runs at once when the queue or an agent changes). */
  ASSIGN_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
});

export type SessionConfig = z.infer<typeof sessionConfigSchema>;

export const loadSessionConfig = (source: Record<string, string | undefined> = process.env): SessionConfig =>
  parseConfig(sessionConfigSchema, source);
