import { Redis } from 'ioredis';
import type { Logger } from '@parley/logger';
import { memoryConnectionCap, redisConnectionCap } from './connection-cap';
import { createRateLimits, type RateLimitSettings } from './rate-limiters';
import type { GatewayLimits } from './socket-limits';

/** Generous enough for any person typing and clicking, tight enough to stop a script. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  socketEvents: 100,
  userEvents: 200,
  eventWindowSeconds: 10,
  restRequests: 600,
  restWindowSeconds: 60,
  connectAttempts: 120,
  connectWindowSeconds: 60,
  connectionsPerUser: 20,
};

export interface GatewayLimitsOptions {
  settings: RateLimitSettings;
  trustedProxies: number;
  /** Shared store: every gateway with the same Redis and prefix shares the per-user and per-IP limits. */
  redisUrl?: string;
  keyPrefix: string;
  gatewayId: string;
  /** A crashed gateway's sockets stop counting toward the per-user cap after this long. */
  connectionLeaseMs?: number;
  logger: Logger;
}

export interface RunningGatewayLimits extends GatewayLimits {
  close(): Promise<void>;
}

export function createGatewayLimits(options: GatewayLimitsOptions): RunningGatewayLimits {
  const { settings, logger } = options;
  if (!options.redisUrl) {
    const connections = memoryConnectionCap(settings.connectionsPerUser);
    return { rates: createRateLimits(settings), connections, trustedProxies: options.trustedProxies, close: async () => connections.stop() };
  }
  // No offline queue: while Redis is away a check fails at once and the in-memory insurance decides.
  const redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
  redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'rate-limit store (Redis) error'));
  const connections = redisConnectionCap({
    redis,
    keyPrefix: options.keyPrefix,
    gatewayId: options.gatewayId,
    max: settings.connectionsPerUser,
    leaseMs: options.connectionLeaseMs ?? 60_000,
    logger,
  });
  return {
    rates: createRateLimits(settings, { redis, keyPrefix: options.keyPrefix }),
    connections,
    trustedProxies: options.trustedProxies,
    async close() {
      connections.stop();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
