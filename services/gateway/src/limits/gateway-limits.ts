import { Redis } from 'ioredis';
import type { Logger } from '@parley/logger';
import { memoryConnectionCap, redisConnectionCap } from './connection-cap';
import { createRateLimits, type RateLimitSettings } from './rate-limiters';
import { EventsInFlight, type InFlightBounds } from './events-in-flight';
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

export interface SendBoundSettings extends InFlightBounds {
  /** The `retry_after_ms` a refused send, or one the message service refused as busy, is told. */
  retryAfterMs: number;
}

/**
 * Per socket: a person sends one message at a time and the SDK waits for each answer; 64 is above
 * the heaviest burst a raw client sends on purpose (the e2e suite's 50) and below the per-socket
 * event rate (100 per 10 s). Per gateway: a ceiling on what one gateway lets wait; 2,000 is a
 * second of the 2,000 msg/s Parley is built for, but over 10 s of work for a stack saturating near
 * 150 msg/s (docs/performance.md), where a lower value answers sooner. The message service refuses
 * on its own when its database pool is full.
 */
export const DEFAULT_SEND_BOUNDS: SendBoundSettings = { perSocket: 64, perGateway: 256, retryAfterMs: 1000 };

/**
 * `join_session` events one gateway runs at once. Each costs a presence write and a history read:
 * in a reconnect storm thousands arrive together, and past this many the rest are refused at once
 * (the SDK's catch-up waits out `retry_after_ms` and joins again) rather than queued at the
 * services until their deadlines. On this 2-core machine a storm of 5,000 took 57 s with 64, 33 s
 * with 256 and 400 (docs/performance.md): the services' pools (20 connections) stay busy without
 * joins queueing past their deadlines.
 */
export const DEFAULT_JOINS_IN_FLIGHT = 256;

export interface GatewayLimitsOptions {
  settings: RateLimitSettings;
  /** Sends unanswered per socket and per gateway; DEFAULT_SEND_BOUNDS when not given. */
  sendBounds?: SendBoundSettings;
  /** join_session events running at once on this gateway; DEFAULT_JOINS_IN_FLIGHT when not given. */
  joinsInFlight?: number;
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
  const bounds = options.sendBounds ?? DEFAULT_SEND_BOUNDS;
  const joinBound = options.joinsInFlight ?? DEFAULT_JOINS_IN_FLIGHT;
  // One socket may take the whole bound: an agent's console rejoins all its chats at once.
  const sends = { sends: new EventsInFlight(bounds), joins: new EventsInFlight({ perSocket: joinBound, perGateway: joinBound }), sendRetryAfterMs: bounds.retryAfterMs };
  if (!options.redisUrl) {
    const connections = memoryConnectionCap(settings.connectionsPerUser);
    return { rates: createRateLimits(settings), connections, trustedProxies: options.trustedProxies, ...sends, close: async () => connections.stop() };
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
    ...sends,
    async close() {
      connections.stop();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
