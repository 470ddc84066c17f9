import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  /** Events one socket may send per window (counted on its own gateway: a socket lives on one). */
  socketEvents: number;
  /** Events one user may send per window over all their sockets, on every gateway. */
  userEvents: number;
  eventWindowSeconds: number;
  /** REST requests per client IP per window, on every gateway. */
  restRequests: number;
  restWindowSeconds: number;
  /** Socket.io connection attempts (handshakes, failed ones too) per client IP per window. */
  connectAttempts: number;
  connectWindowSeconds: number;
  /** Open sockets per user over every gateway. */
  connectionsPerUser: number;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** One kind of limit: `take` spends a point for a key and says whether it was still allowed. */
export interface Limit {
  take(key: string): Promise<Verdict>;
}

function limitOf(limiter: RateLimiterAbstract): Limit {
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: rejection.msBeforeNext };
        // The store failed and the insurance limiter too: let the request through rather than fail everyone.
        return { allowed: true };
      }
    },
  };
}

export interface RateLimits {
  socketEvents: Limit;
  userEvents: Limit;
  restRequests: Limit;
  connectAttempts: Limit;
}

/**
 * The rate limits, with rate-limiter-flexible. Without Redis every limit is per gateway, in memory.
 * With Redis the per-user and per-IP limits are shared by every gateway (one Lua INCR per check);
 * a key over its limit is then blocked in this gateway's memory for the rest of the window
 * (`inMemoryBlockOnConsumed`), so a flooding client costs Redis nothing more, and while Redis is
 * unreachable an in-memory insurance limiter with the same numbers keeps limiting per gateway.
 * The per-socket limit is always local: a socket lives on one gateway.
 */
export function createRateLimits(settings: RateLimitSettings, store?: { redis: Redis; keyPrefix: string }): RateLimits {
  const shared = (name: string, points: number, duration: number): Limit => {
    const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
    if (!store) return limitOf(memory);
    return limitOf(
      new RateLimiterRedis({
        storeClient: store.redis,
        keyPrefix: `${store.keyPrefix}:${name}`,
        points,
        duration,
        inMemoryBlockOnConsumed: points + 1,
        inMemoryBlockDuration: duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      }),
    );
  };
  return {
    socketEvents: limitOf(new RateLimiterMemory({ keyPrefix: 'socket-events', points: settings.socketEvents, duration: settings.eventWindowSeconds })),
    userEvents: shared('user-events', settings.userEvents, settings.eventWindowSeconds),
    restRequests: shared('rest-ip', settings.restRequests, settings.restWindowSeconds),
    connectAttempts: shared('connect-ip', settings.connectAttempts, settings.connectWindowSeconds),
  };
}
