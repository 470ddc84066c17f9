import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Redis } from 'ioredis';
import { eventually } from '@parley/testing';
import { RENEWALS_PER_TURN, redisConnectionCap, type ConnectionCap } from './connection-cap';

const REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Gateways counting their users' sockets in one Redis (the machine's, under a key prefix of the spec's own). */
describe('redisConnectionCap: open sockets per user over every gateway', () => {
  const clients: Redis[] = [];
  const caps: ConnectionCap[] = [];
  const inspector = new Redis(REDIS_URL);
  let keyPrefix: string;
  let warnings: Array<{ msg: string; sockets?: number }>;

  beforeEach(() => {
    keyPrefix = `spec:connection-cap:${randomUUID()}`;
    warnings = [];
  });
  afterEach(async () => {
    caps.splice(0).forEach((cap) => cap.stop());
    await Promise.all(clients.splice(0).map((client) => client.quit().catch(() => client.disconnect())));
    const keys = await inspector.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await inspector.del(...keys);
  });
  afterAll(() => inspector.quit());

  const gateway = (gatewayId: string, max: number, redis = new Redis(REDIS_URL), leaseMs = 60_000) => {
    clients.push(redis);
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line) as { msg: string; sockets?: number }) });
    const cap = redisConnectionCap({ redis, keyPrefix, gatewayId, max, leaseMs, logger });
    caps.push(cap);
    return { cap, redis };
  };
  /** A client of a Redis that is not there: every command fails at once. */
  const unreachableRedis = () => new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  const held = (userId: string) => inspector.zrange(`${keyPrefix}:connections:${userId}`, 0, -1);

  it('counts a burst of handshakes in with one call to Redis, each answered in the order it came', async () => {
    const { cap, redis } = gateway('a', 3);
    const calls = jest.spyOn(redis as Redis & { parleyAcquireConnections: () => Promise<number[]> }, 'parleyAcquireConnections');
    const answers = await Promise.all(['s1', 's2', 's3', 's4', 's5'].map((socketId) => cap.acquire('u-1', socketId)));
    expect(answers).toEqual([true, true, true, false, false]);
    expect(calls).toHaveBeenCalledTimes(1);
    expect((await held('u-1')).sort()).toEqual(['a/s1', 'a/s2', 'a/s3']);
  });

  it('answers each socket of a batch on its own: a user at the cap does not refuse another', async () => {
    const { cap } = gateway('a', 1);
    const answers = await Promise.all([cap.acquire('u-1', 's1'), cap.acquire('u-1', 's2'), cap.acquire('u-2', 's3')]);
    expect(answers).toEqual([true, false, true]);
  });

  it("counts the other gateways' sockets, and a released socket frees its place", async () => {
    const a = gateway('a', 3).cap;
    const b = gateway('b', 3).cap;
    expect(await Promise.all([a.acquire('u-1', 's1'), a.acquire('u-1', 's2')])).toEqual([true, true]);
    expect(await Promise.all([b.acquire('u-1', 's3'), b.acquire('u-1', 's4')])).toEqual([true, false]);
    await a.release('u-1', 's1');
    expect(await b.acquire('u-1', 's4')).toBe(true);
    expect((await held('u-1')).sort()).toEqual(['a/s2', 'b/s3', 'b/s4']);
  });

  it('lets connections in when Redis does not answer, and says so', async () => {
    const { cap } = gateway('a', 1, unreachableRedis());
    expect(await Promise.all([cap.acquire('u-1', 's1'), cap.acquire('u-1', 's2')])).toEqual([true, true]);
    expect(warnings.map((line) => line.msg)).toEqual(['connection cap unavailable; connections let in']);
  });

  it("renews every socket's lease, a slice of the sockets at a time", async () => {
    const sockets = RENEWALS_PER_TURN * 2 + 500;
    // Renewed every 500 ms (a third of the lease).
    const { cap, redis } = gateway('a', 1, new Redis(REDIS_URL), 1500);
    const slices: number[] = [];
    const pipeline = redis.pipeline.bind(redis);
    jest.spyOn(redis, 'pipeline').mockImplementation((...args) => {
      const batch = pipeline(...args);
      const exec = batch.exec.bind(batch);
      jest.spyOn(batch, 'exec').mockImplementation((...execArgs) => {
        slices.push(batch.length / 2);
        return exec(...execArgs);
      });
      return batch;
    });
    const users = Array.from({ length: sockets }, (_, i) => `u-${i}`);
    await Promise.all(users.map((userId) => cap.acquire(userId, `s-${userId}`)));
    const leaseEnds = async () => (await Promise.all(users.map((userId) => inspector.zscore(`${keyPrefix}:connections:${userId}`, `a/s-${userId}`)))).map(Number);
    const acquired = await leaseEnds();
    await eventually(async () => {
      const renewed = await leaseEnds();
      expect(renewed.every((end, i) => end > acquired[i])).toBe(true);
    }, 10_000);
    // No pipeline holds more than a slice; with more sockets than a slice, some hold a full one.
    expect(Math.max(...slices)).toBe(RENEWALS_PER_TURN);
  }, 15_000);

  it('gives up a renewal at the first slice Redis does not take, and says so once', async () => {
    // Renewed every 100 ms; the connections were let in, so their leases are due.
    const { cap } = gateway('a', 1, unreachableRedis(), 300);
    const sockets = RENEWALS_PER_TURN + 500;
    await Promise.all(Array.from({ length: sockets }, (_, i) => cap.acquire(`u-${i}`, `s-${i}`)));
    await eventually(() => expect(warnings.filter((line) => line.msg === 'connection leases not renewed').length).toBeGreaterThanOrEqual(2));
    // Each renewal reported once, with every socket still to renew: no slice after the first was tried.
    expect(warnings.filter((line) => line.msg === 'connection leases not renewed').every((line) => line.sockets === sockets)).toBe(true);
  });
});
