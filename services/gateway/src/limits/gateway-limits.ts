import type { Logger } from '@parley/logger';
import { memoryConnectionCap, redisConnectionCap } from './connection-cap';
import { createRateLimits, type RateLimitSettings } from './rate-limiters';
import { openSharedCounts } from './shared-counts';
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
 * event rate (100 per 10 s). Per gateway: a ceiling on what one gateway lets wait, a fraction of a
 * second of work at the rates docs/performance.md measures, so a saturated stack refuses early
 * rather than answering late. The message service refuses on its own when its pool is full.
 */
export const DEFAULT_SEND_BOUNDS: SendBoundSettings = { perSocket: 64, perGateway: 256, retryAfterMs: 1000 };

/**
 * `join_session` events one gateway runs at once. Each costs a presence write and a history read:
 * in a reconnect storm thousands arrive together, and past this many the rest are refused at once
 * (the SDK's catch-up waits out `retry_after_ms` and joins again) rather than queued at the
 * services until their deadlines. Joins leave in batches (one call per hop for what arrives
 * together, at most 256 items, one call at a time), so the services never see more than a batch
 * per gateway: this bounds how long a join may wait in the gateway (the SDK gives up after 10 s),
 * and a larger bound makes larger batches instead of refusals: docs/performance.md has the storms.
 */
export const DEFAULT_JOINS_IN_FLIGHT = 2000;

/**
 * How often, at most, a gateway sends its rate-limit counts to Redis once its burst of sends is
 * spent (see shared-counts.ts). The shared limits can overshoot by what the gateways admit for one
 * key within this interval and a Redis round trip; Redis does one script call per gateway per
 * interval at most, whatever the event rate.
 */
export const DEFAULT_RATE_LIMIT_SYNC_MS = 100;

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
  /** At most one send of the counts to Redis per this many ms (past a short burst); DEFAULT_RATE_LIMIT_SYNC_MS when not given. */
  syncIntervalMs?: number;
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
  // No offline queue: while Redis is away a send fails at once and each gateway limits alone.
  const store = openSharedCounts({ redisUrl: options.redisUrl, keyPrefix: options.keyPrefix, gatewayId: options.gatewayId, intervalMs: options.syncIntervalMs ?? DEFAULT_RATE_LIMIT_SYNC_MS, logger });
  const connections = redisConnectionCap({
    redis: store.redis,
    keyPrefix: options.keyPrefix,
    gatewayId: options.gatewayId,
    max: settings.connectionsPerUser,
    leaseMs: options.connectionLeaseMs ?? 60_000,
    logger,
  });
  return {
    rates: createRateLimits(settings, store.counts),
    connections,
    trustedProxies: options.trustedProxies,
    ...sends,
    async close() {
      connections.stop();
      await store.close();
    },
  };
}
