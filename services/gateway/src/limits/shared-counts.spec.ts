import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Redis } from 'ioredis';
import { eventually, TcpProxy } from '@parley/testing';
import { openSharedCounts, type OpenSharedCounts } from './shared-counts';
import type { WindowLimit } from './window-limit';

const REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Gateways sharing one Redis (the machine's, under a key prefix of the spec's own): each decides
 * alone and at once, and they learn each other's counts in the background.
 */
describe('SharedCounts: window limits shared by gateways through Redis', () => {
  const open: OpenSharedCounts[] = [];
  const inspector = new Redis(REDIS_URL);
  let keyPrefix: string;
  let logs: { level: number; msg: string }[];

  beforeEach(() => {
    keyPrefix = `spec:shared-counts:${randomUUID()}`;
    logs = [];
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    const keys = await inspector.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await inspector.del(...keys);
  });
  afterAll(() => inspector.quit());

  const gateway = async (gatewayId: string, redisUrl = REDIS_URL, points = 43) => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const store = openSharedCounts({ redisUrl, keyPrefix, gatewayId, intervalMs: 20, logger });
    open.push(store);
    await store.counts.listening;
    return { store, limit: store.counts.limit({ name: 'user-events', points, windowMs: 600_000 }) };
  };
  type Gateway = Awaited<ReturnType<typeof gateway>>;
  /** Every gateway sends what it spent, then has heard every other's news (a ping on the subscription comes back after them). */
  const settle = async (gateways: Gateway[]) => {
    for (const g of gateways) await g.store.counts.flush();
    for (const g of gateways) await g.store.subscriber.ping();
  };
  const takes = (limit: WindowLimit, key: string, times: number) => Array.from({ length: times }, () => limit.take(key).allowed).filter(Boolean).length;
  const totalInRedis = async (key: string) => {
    const keys = (await inspector.keys(`${keyPrefix}:rate:user-events:*:${key}`)).sort();
    return Number(await inspector.get(keys[keys.length - 1]));
  };
  const warnings = () => logs.filter((line) => line.level === 40).map((line) => line.msg);

  it('refuses on one gateway what was spent on the other, once that was sent', async () => {
    const a = await gateway('gw-a', REDIS_URL, 6);
    const b = await gateway('gw-b', REDIS_URL, 6);
    const outcomes: boolean[] = [];
    for (let i = 1; i <= 8; i += 1) {
      outcomes.push((i % 2 ? a : b).limit.take('fiona').allowed);
      await settle([a, b]);
    }
    expect(outcomes).toEqual([true, true, true, true, true, true, false, false]);
    expect(await totalInRedis('fiona')).toBe(6);
    expect(takes(b.limit, 'carl', 1)).toBe(1);
  });

  it('holds the shared limit within what the gateways admit between two sends', async () => {
    const [a, b] = [await gateway('gw-a'), await gateway('gw-b')];
    // Each round both gateways admit a burst of 5 knowing only the rounds before: what is admitted
    // within one interval, before either has sent it.
    const burst = 5;
    let admitted = 0;
    for (let round = 0; round < 12; round += 1) {
      admitted += takes(a.limit, 'u', burst) + takes(b.limit, 'u', burst);
      await settle([a, b]);
    }
    // 40 after eight rounds; in the ninth each still sees 40 and admits 3: 43 + the other's 3.
    expect(admitted).toBe(46);
    expect(admitted).toBeLessThanOrEqual(43 + 2 * burst);
    expect(await totalInRedis('u')).toBe(46);
    expect([a.limit.take('u').allowed, b.limit.take('u').allowed]).toEqual([false, false]);
  });

  it('sends nothing for a refused take', async () => {
    const { limit } = await gateway('gw-a', REDIS_URL, 2);
    expect(takes(limit, 'u', 2)).toBe(2);
    expect(limit.hasUnsent()).toBe(true);
    expect(takes(limit, 'u', 1000)).toBe(0);
    expect(limit.drain()).toEqual([{ key: 'u', window: expect.any(Number), count: 2 }]);
  });

  it('limits each gateway alone while Redis is away, logs that once, and shares again when it is back', async () => {
    const proxy = new TcpProxy('127.0.0.1', Number(new URL(REDIS_URL).port || 6379));
    const url = `redis://127.0.0.1:${await proxy.start()}`;
    try {
      const a = await gateway('gw-a', url, 10);
      const b = await gateway('gw-b', url, 10);
      expect(takes(a.limit, 'u', 2) + takes(b.limit, 'u', 2)).toBe(4);
      await settle([a, b]);

      await proxy.cut();
      // Every connection notices (one warning each, however often it retries).
      await eventually(() => expect(warnings().filter((msg) => msg.startsWith('rate-limit store (Redis) connection lost'))).toHaveLength(4));
      // Each knows the 4 spent before, and admits alone what is left of the 10.
      expect(takes(a.limit, 'u', 3)).toBe(3);
      await a.store.counts.flush();
      expect(takes(a.limit, 'u', 20)).toBe(3);
      await a.store.counts.flush();
      expect(takes(b.limit, 'u', 20)).toBe(6);
      await b.store.counts.flush();
      expect(warnings().filter((msg) => msg.startsWith('rate-limit store unreachable'))).toHaveLength(2); // one per gateway
      expect(warnings()).toHaveLength(6);

      await proxy.restore();
      // The points spent alone reach Redis once it answers, and each gateway hears the other's.
      await eventually(async () => expect(await totalInRedis('u')).toBe(16), 10_000, 100);
      await eventually(async () => {
        await settle([a, b]);
        expect(logs.filter((line) => line.msg.startsWith('rate-limit store answers again'))).toHaveLength(2);
      }, 10_000, 100);
      expect(warnings()).toHaveLength(6);
      expect([takes(a.limit, 'v', 1), a.limit.take('u').allowed, b.limit.take('u').allowed]).toEqual([1, false, false]);
    } finally {
      await Promise.all(open.splice(0).map((store) => store.close()));
      await proxy.stop();
    }
  }, 30_000);
});
