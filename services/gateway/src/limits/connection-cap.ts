import type { Redis } from 'ioredis';
import type { Logger } from '@parley/logger';

/** How many sockets one user may have open at once, over every gateway. */
export interface ConnectionCap {
  /** Counts the socket in if the user is under the cap; false when they are at it. */
  acquire(userId: string, socketId: string): Promise<boolean>;
  release(userId: string, socketId: string): Promise<void>;
  stop(): void;
}

/** One gateway alone (all-in-one, or no Redis): the sockets it holds. */
export function memoryConnectionCap(max: number): ConnectionCap {
  const open = new Map<string, Set<string>>();
  return {
    async acquire(userId, socketId) {
      const sockets = open.get(userId) ?? new Set<string>();
      if (sockets.size >= max) return false;
      open.set(userId, sockets.add(socketId));
      return true;
    },
    async release(userId, socketId) {
      const sockets = open.get(userId);
      sockets?.delete(socketId);
      if (sockets?.size === 0) open.delete(userId);
    },
    stop: () => open.clear(),
  };
}

// Drops expired entries, then adds this socket only while the user is under the cap: atomic in Redis.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

type CapClient = Redis & { parleyAcquireConnection(key: string, ...args: (string | number)[]): Promise<number> };

/**
 * Every gateway's sockets in Redis: one sorted set per user whose members are `<gateway>/<socket>`
 * scored by when their lease ends. Each gateway renews its own sockets' leases every third of
 * `leaseMs`, so a crashed gateway's sockets stop counting within `leaseMs`. The window limits
 * count events per window, not open things, hence this small registry (see docs/security.md).
 * When Redis does not answer the connection is let in (logged): the cap protects, it must not lock
 * everyone out.
 */
export function redisConnectionCap(options: { redis: Redis; keyPrefix: string; gatewayId: string; max: number; leaseMs: number; logger: Logger }): ConnectionCap {
  const { keyPrefix, gatewayId, max, leaseMs, logger } = options;
  // A defined command goes as EVALSHA (ioredis loads the script once, on NOSCRIPT): the script's
  // text is not sent with every connection.
  options.redis.defineCommand('parleyAcquireConnection', { lua: ACQUIRE, numberOfKeys: 1 });
  const redis = options.redis as CapClient;
  const key = (userId: string) => `${keyPrefix}:connections:${userId}`;
  const member = (socketId: string) => `${gatewayId}/${socketId}`;
  const local = new Map<string, string>(); // socket id -> user id, for the renewals
  const renew = setInterval(() => {
    if (local.size === 0) return;
    const until = Date.now() + leaseMs;
    const batch = redis.pipeline();
    for (const [socketId, userId] of local) batch.zadd(key(userId), 'XX', until, member(socketId)).pexpire(key(userId), leaseMs);
    batch.exec().catch((error: Error) => logger.warn({ err: error.message }, 'connection leases not renewed'));
  }, Math.max(100, Math.floor(leaseMs / 3)));
  renew.unref();
  return {
    async acquire(userId, socketId) {
      const now = Date.now();
      try {
        const admitted = await redis.parleyAcquireConnection(key(userId), now, max, member(socketId), now + leaseMs, leaseMs);
        if (admitted !== 1) return false;
      } catch (error) {
        logger.warn({ err: (error as Error).message }, 'connection cap unavailable; connection let in');
      }
      local.set(socketId, userId);
      return true;
    },
    async release(userId, socketId) {
      local.delete(socketId);
      await redis.zrem(key(userId), member(socketId)).catch((error: Error) => logger.warn({ err: error.message }, 'connection not released; its lease will expire'));
    },
    stop: () => clearInterval(renew),
  };
}
