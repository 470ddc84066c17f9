import os from 'node:os';
import { z } from 'zod';
import { env, parseConfig } from '@parley/config';
import { HMAC_ALGORITHMS } from '@parley/auth';
import { ATTACHMENT_DEFAULTS } from '@parley/contracts';
import { DEFAULT_JOINS_IN_FLIGHT, DEFAULT_RATE_LIMITS, DEFAULT_SEND_BOUNDS, type SendBoundSettings } from './limits/gateway-limits';

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);
const windowSeconds = (fallback: number) => z.coerce.number().int().min(1).max(86_400).default(fallback);

const origins = z
  .string()
  .default('')
  .transform((value): string[] | '*' =>
    value.trim() === '*'
      ? '*'
      : value
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
  );

export const gatewayConfigSchema = z.object({
  PORT: env.port(45000),
  HOST: z.string().default('0.0.0.0'),
  JWT_SECRET: env.secret(),
  /** Accepted JWT algorithms, comma-separated; HMAC only (RFC 8725: an explicit allowlist). */
  JWT_ALGORITHMS: z
    .string()
    .default('HS256')
    .transform((value) => value.split(',').map((a) => a.trim()).filter(Boolean))
    .pipe(z.array(z.enum(HMAC_ALGORITHMS)).min(1)),
  /** When set, a token's `iss` must equal it. */
  JWT_ISSUER: z.string().optional().transform((v) => v || undefined),
  /** When set, a token's `aud` must contain it. */
  JWT_AUDIENCE: z.string().optional().transform((v) => v || undefined),
  SESSION_SERVICE_ADDR: env.address('127.0.0.1:50051'),
  MESSAGE_SERVICE_ADDR: env.address('127.0.0.1:50052'),
  PRESENCE_SERVICE_ADDR: env.address('127.0.0.1:50053'),
  /** How often the gateway renews its lease at the presence service; keep it well under PRESENCE_LEASE_TTL_MS. */
  PRESENCE_RENEW_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  ATTACHMENT_SERVICE_ADDR: env.address('127.0.0.1:50054'),
  /** Shared secret every internal gRPC call carries (required; the all-in-one runner makes one). */
  INTERNAL_GRPC_TOKEN: env.internalToken(),
  AMQP_URL: env.optionalUrl(),
  EVENTS_EXCHANGE: z.string().min(1).default('parley.events'),
  /** Names this gateway's own event queue; unique per instance. */
  GATEWAY_ID: z.string().regex(/^[\w.-]+$/).default(`${os.hostname()}-${process.pid}`),
  /** Browser origins allowed to call the API and open sockets (comma-separated, or *). Same-origin always works. */
  CORS_ORIGINS: origins,
  SOCKET_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1024).max(1_000_000).default(100_000),
  /** The upload limits, checked while the body streams in; the attachment service checks them too. */
  ATTACHMENT_MAX_FILE_BYTES: z.coerce.number().int().min(1).max(1024 * 1024 * 1024).default(ATTACHMENT_DEFAULTS.maxFileBytes),
  ATTACHMENT_MAX_FILES: z.coerce.number().int().min(1).max(50).default(ATTACHMENT_DEFAULTS.maxFiles),
  /** Redis shared by the gateways for the per-user and per-IP limits; unset: each gateway limits alone, in memory. */
  RATE_LIMIT_REDIS_URL: env.optionalUrl(),
  /** Key prefix in that Redis (gateways sharing limits use the same one). */
  RATE_LIMIT_KEY_PREFIX: z.string().regex(/^[\w.:-]+$/).default('parley:limits'),
  RATE_LIMIT_SOCKET_EVENTS: count(DEFAULT_RATE_LIMITS.socketEvents),
  RATE_LIMIT_USER_EVENTS: count(DEFAULT_RATE_LIMITS.userEvents),
  RATE_LIMIT_EVENT_WINDOW_SECONDS: windowSeconds(DEFAULT_RATE_LIMITS.eventWindowSeconds),
  RATE_LIMIT_REST_PER_IP: count(DEFAULT_RATE_LIMITS.restRequests),
  RATE_LIMIT_REST_WINDOW_SECONDS: windowSeconds(DEFAULT_RATE_LIMITS.restWindowSeconds),
  RATE_LIMIT_CONNECTS_PER_IP: count(DEFAULT_RATE_LIMITS.connectAttempts),
  RATE_LIMIT_CONNECT_WINDOW_SECONDS: windowSeconds(DEFAULT_RATE_LIMITS.connectWindowSeconds),
  MAX_CONNECTIONS_PER_USER: count(DEFAULT_RATE_LIMITS.connectionsPerUser),
  /** send_message events one socket may have waiting for an answer; past it a send is refused with RESOURCE_EXHAUSTED. */
  MAX_SENDS_IN_FLIGHT_PER_SOCKET: count(DEFAULT_SEND_BOUNDS.perSocket),
  /** The same over every socket of this gateway: what it lets wait on the message service at once. */
  MAX_SENDS_IN_FLIGHT: count(DEFAULT_SEND_BOUNDS.perGateway),
  /** join_session events this gateway runs at once; past it a join is refused with RESOURCE_EXHAUSTED (a reconnect storm). */
  MAX_JOINS_IN_FLIGHT: count(DEFAULT_JOINS_IN_FLIGHT),
  /** The retry_after_ms a refused send is told (the gateway's bounds, or a busy message service). */
  SEND_RETRY_AFTER_MS: z.coerce.number().int().min(1).max(600_000).default(DEFAULT_SEND_BOUNDS.retryAfterMs),
  /** Reverse proxies in front of the gateway whose X-Forwarded-For is believed (compose: 1, nginx). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const loadGatewayConfig = (source: Record<string, string | undefined> = process.env): GatewayConfig =>
  parseConfig(gatewayConfigSchema, source);

export const rateLimitSettingsOf = (config: GatewayConfig) => ({
  socketEvents: config.RATE_LIMIT_SOCKET_EVENTS,
  userEvents: config.RATE_LIMIT_USER_EVENTS,
  eventWindowSeconds: config.RATE_LIMIT_EVENT_WINDOW_SECONDS,
  restRequests: config.RATE_LIMIT_REST_PER_IP,
  restWindowSeconds: config.RATE_LIMIT_REST_WINDOW_SECONDS,
  connectAttempts: config.RATE_LIMIT_CONNECTS_PER_IP,
  connectWindowSeconds: config.RATE_LIMIT_CONNECT_WINDOW_SECONDS,
  connectionsPerUser: config.MAX_CONNECTIONS_PER_USER,
});

export const sendBoundsOf = (config: GatewayConfig): SendBoundSettings => ({
  perSocket: config.MAX_SENDS_IN_FLIGHT_PER_SOCKET,
  perGateway: config.MAX_SENDS_IN_FLIGHT,
  retryAfterMs: config.SEND_RETRY_AFTER_MS,
});
