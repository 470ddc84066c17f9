import { z } from 'zod';
import { env, parseConfig } from '@parley/config';
import { sessionCacheSettings } from '@parley/session-directory';

const ms = (fallback: number, min: number) => z.coerce.number().int().min(min).max(3_600_000).default(fallback);

export const presenceConfigSchema = z
  .object({
    DATABASE_URL: env.url(),
    AMQP_URL: env.optionalUrl(),
    EVENTS_EXCHANGE: z.string().min(1).default('parley.events'),
    PRESENCE_GRPC_HOST: z.string().default('0.0.0.0'),
    /** Serves GET /metrics (Prometheus) on this port; unset: no metrics server (the all-in-one gateway shows them). */
    METRICS_PORT: env.optionalPort(),
    PRESENCE_GRPC_PORT: env.port(50053),
    /** Shared secret every internal gRPC call carries (required; the all-in-one runner makes one). */
    INTERNAL_GRPC_TOKEN: env.internalToken(),
    SESSION_SERVICE_ADDR: env.address('127.0.0.1:50051'),
    /** A gateway that has not renewed its lease for this long is taken for dead and its sockets reaped. */
    PRESENCE_LEASE_TTL_MS: ms(20_000, 1000),
    /** How often the reaper looks for expired leases: a dead gateway's users leave within TTL + this. */
    PRESENCE_REAP_INTERVAL_MS: ms(5000, 100),
    /** A typing indicator expires this long after the last (unthrottled) `typing`. */
    TYPING_TTL_MS: ms(10_000, 500),
    /** How often expired indicators are deleted and announced as `typing_stopped`. */
    TYPING_SWEEP_INTERVAL_MS: ms(30_000, 100),
    /** Repeated `typing` within this window of the last stored refresh writes nothing. */
    TYPING_THROTTLE_MS: ms(3000, 0),
    /**
     * Socket registrations (join, leave, disconnect) running at once; one more is refused with
     * RESOURCE_EXHAUSTED (the client retries later) rather than queued past its deadline.
     */
    MAX_REGISTRATIONS_RUNNING: z.coerce.number().int().min(1).default(100),
    /** The answers a join's access check gets from the session service, kept (`SESSION_CACHE_TTL_MS` 0: ask every time). */
    ...sessionCacheSettings,
  })
  .refine((c) => c.TYPING_THROTTLE_MS < c.TYPING_TTL_MS, { message: 'must be shorter than TYPING_TTL_MS', path: ['TYPING_THROTTLE_MS'] });

export type PresenceConfig = z.infer<typeof presenceConfigSchema>;

export const loadPresenceConfig = (source: Record<string, string | undefined> = process.env): PresenceConfig =>
  parseConfig(presenceConfigSchema, source);
