import type { Redis } from 'ioredis';
import type { Logger } from '@parley/logger';
import { NaturalBatcher, succeeded } from '@parley/batching';

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

// For each socket of a batch, in order: drops its user's expired entries, then adds the socket only
// while the user is under the cap; atomic in Redis. KEYS: each socket's user set. ARGV: now, the cap,
// the lease's end, the lease's length, then each socket's member. Answers 1 (admitted) or 0 per socket.
const ACQUIRE_MANY = `
local now, max, expires, leaseMs = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local admitted = {}
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZCARD', key) >= max then
    admitted[i] = 0
  else
    redis.call('ZADD', key, expires, ARGV[4 + i])
    redis.call('PEXPIRE', key, leaseMs)
    admitted[i] = 1
  end
end
return admitted`;

type CapClient = Redis & { parleyAcquireConnections(keyCount: number, ...keysThenArgs: (string | number)[]): Promise<number[]> };

/** Connections waiting to be counted in: one user's socket. */
interface Acquisition {
  userId: string;
  socketId: string;
}

/** Sockets whose leases one turn of the event loop renews (two commands each). */
export const RENEWALS_PER_TURN = 1000;

/** Acquisitions counted in Redis at once: a script call (its keys and arguments) stays small. */
const MAX_ACQUISITIONS_PER_CALL = 256;

/**
 * Every gateway's sockets in Redis: one sorted set per user whose members are `<gateway>/<socket>`
 * scored by when their lease ends. Each gateway renews its own sockets' leases every third of
 * `leaseMs`, so a crashed gateway's sockets stop counting within `leaseMs`. The window limits
 * count events per window, not open things, hence this small registry (see docs/security.md).
 * Handshakes arriving together are counted in by one script call (a natural batch: what arrives
 * while a call runs is the next one), each answered on its own, in the order they came. When Redis
 * does not answer the connections are let in (logged): the cap protects, it must not lock everyone
 * out.
 */
export function redisConnectionCap(options: { redis: Redis; keyPrefix: string; gatewayId: string; max: number; leaseMs: number; logger: Logger }): ConnectionCap {
  const { keyPrefix, gatewayId, max, leaseMs, logger } = options;
  // A defined command goes as EVALSHA (ioredis loads the script once, on NOSCRIPT): the script's
  // text is not sent with every batch.
  options.redis.defineCommand('parleyAcquireConnections', { lua: ACQUIRE_MANY });
  const redis = options.redis as CapClient;
  const key = (userId: string) => `${keyPrefix}:connections:${userId}`;
  const member = (socketId: string) => `${gatewayId}/${socketId}`;
  const local = new Map<string, string>(); // socket id -> user id, for the renewals
  let renewing = false;
  const renew = setInterval(() => {
    if (local.size === 0 || renewing) return;
    renewing = true;
    void renewLeases([...local], Date.now() + leaseMs).finally(() => (renewing = false));
  }, Math.max(100, Math.floor(leaseMs / 3)));
  renew.unref();
  /**
   * A slice of the sockets per turn of the event loop: all of a full gateway's commands built at
   * once held the loop too long (docs/security.md). A slice Redis did not take ends the renewal
   * (the next comes a third of a lease later).
   */
  async function renewLeases(sockets: Array<[string, string]>, until: number): Promise<void> {
    for (let start = 0; start < sockets.length; start += RENEWALS_PER_TURN) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      const batch = redis.pipeline();
      for (const [socketId, userId] of sockets.slice(start, start + RENEWALS_PER_TURN)) batch.zadd(key(userId), 'XX', until, member(socketId)).pexpire(key(userId), leaseMs);
      // A pipeline answers each command's error in its results; it rejects only as a whole.
      const failure = await batch.exec().then(
        (results) => results?.find(([error]) => error)?.[0],
        (error: Error) => error,
      );
      if (failure) {
        logger.warn({ err: failure.message, sockets: sockets.length - start }, 'connection leases not renewed');
        return;
      }
    }
  }
  const acquisitions = new NaturalBatcher<Acquisition, boolean>({
    hop: 'gateway.connection-cap',
    maxBatchSize: MAX_ACQUISITIONS_PER_CALL,
    async run(batch) {
      const now = Date.now();
      try {
        const keys = batch.map((a) => key(a.userId));
        const admitted = await redis.parleyAcquireConnections(keys.length, ...keys, now, max, now + leaseMs, leaseMs, ...batch.map((a) => member(a.socketId)));
        return admitted.map((one) => succeeded(one === 1));
      } catch (error) {
        logger.warn({ err: (error as Error).message, connections: batch.length }, 'connection cap unavailable; connections let in');
        return batch.map(() => succeeded(true));
      }
    },
  });
  return {
    async acquire(userId, socketId) {
      const admitted = await acquisitions.submit({ userId, socketId });
      if (admitted) local.set(socketId, userId);
      return admitted;
    },
    async release(userId, socketId) {
      local.delete(socketId);
      await redis.zrem(key(userId), member(socketId)).catch((error: Error) => logger.warn({ err: error.message }, 'connection not released; its lease will expire'));
    },
    stop: () => clearInterval(renew),
  };
}
