import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '@parley/logger';
import { WindowLimit, type Spent, type WindowLimitOptions } from './window-limit';

// Adds each key's points to its window's total, reads the window before, and publishes the new
// totals so that every other gateway hears them at once. KEYS: per item the window's key, then the
// previous window's. ARGV: the channel, this gateway's id, then per item its points and the key's
// lifetime in ms. Returns per item the window's total and the previous window's.
const ADD_COUNTS = `
local totals = {}
local news = { ARGV[2] }
for i = 1, #KEYS / 2 do
  local key = KEYS[2 * i - 1]
  local total = redis.call('INCRBY', key, ARGV[2 * i + 1])
  redis.call('PEXPIRE', key, ARGV[2 * i + 2])
  totals[2 * i - 1] = total
  totals[2 * i] = tonumber(redis.call('GET', KEYS[2 * i]) or '0')
  news[2 * i] = key
  news[2 * i + 1] = total
end
redis.call('PUBLISH', ARGV[1], cjson.encode(news))
return totals`;

type CountsClient = Redis & { parleyAddCounts(numKeys: number, ...args: (string | number)[]): Promise<number[]> };

/** Sends back to back before the pacing applies: at low load every point is shared at once. */
const BURST = 8;
/** After a failed send, the next try waits at least this long (each try fails fast while Redis is away). */
const RETRY_MS = 1000;

export interface SharedCountsOptions {
  /** Commands, without an offline queue: a send while Redis is away fails at once. */
  redis: Redis;
  /** A connection of its own, subscribed to the totals the other gateways publish. */
  subscriber: Redis;
  keyPrefix: string;
  gatewayId: string;
  /** Past the burst, at most one send per this many ms. */
  intervalMs: number;
  logger: Logger;
  clock?: () => number;
}

/**
 * Shares the window limits' counts between gateways through Redis, in the background: each
 * gateway decides from its own memory (`WindowLimit.take`, synchronous) and sends what it spent
 * since the last send in one script call for every key and limit, which adds it up, answers with
 * the totals and publishes them to the other gateways. One send is in flight at a time; what is
 * spent meanwhile forms the next one, which starts as soon as the previous answered (after a burst
 * of BURST, at most one per `intervalMs`). While Redis is away each gateway limits alone with what
 * it knew, logs it once, and sends its points when Redis answers again. Why it is our own and how
 * far the limits can overshoot: docs/security.md, Limits.
 */
export class SharedCounts {
  private readonly limits = new Map<string, WindowLimit>();
  private readonly client: CountsClient;
  private readonly channel: string;
  private readonly clock: () => number;
  private credits = BURST;
  private refilledAt: number;
  private sending: Promise<void> | null = null;
  private cancelQueued: (() => void) | null = null;
  private notBefore = 0;
  private unreachable = false;
  private closed = false;
  /** Resolves once this gateway hears the other gateways' totals (first subscription). */
  readonly listening: Promise<void>;

  constructor(private readonly options: SharedCountsOptions) {
    this.clock = options.clock ?? Date.now;
    this.refilledAt = this.clock();
    this.channel = `${options.keyPrefix}:rate:totals`;
    options.redis.defineCommand('parleyAddCounts', { lua: ADD_COUNTS });
    this.client = options.redis as CountsClient;
    const { subscriber, logger } = options;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.hear(message);
    });
    this.listening = new Promise((resolve) => {
      const subscribe = () => subscriber.subscribe(this.channel).then(() => resolve(), (error: Error) => logger.warn({ err: error.message }, 'rate-limit totals not subscribed'));
      subscriber.on('ready', subscribe);
      if (subscriber.status === 'ready') void subscribe();
    });
  }

  /** A window limit whose counts every gateway with the same Redis and key prefix shares. */
  limit(options: Omit<WindowLimitOptions, 'onSpend' | 'clock'>): WindowLimit {
    const limit = new WindowLimit({ ...options, clock: this.clock, onSpend: () => this.schedule() });
    this.limits.set(limit.name, limit);
    return limit;
  }

  /** Sends what was spent now, whatever the pacing, once the send in flight has answered. */
  async flush(): Promise<void> {
    await this.sending;
    if (this.hasUnsent()) await this.send();
  }

  /** Stops sending, after one last send of what was spent. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelQueued?.();
    this.cancelQueued = null;
    await this.flush();
  }

  private schedule(): void {
    if (this.sending || this.cancelQueued || this.closed) return;
    const wait = this.waitMs();
    const go = () => {
      this.cancelQueued = null;
      if (!this.sending && !this.closed) void this.send();
    };
    // Even without waiting, after this turn's I/O: the points spent in it go together.
    if (wait <= 0) {
      const immediate = setImmediate(go);
      this.cancelQueued = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(go, wait);
      timer.unref();
      this.cancelQueued = () => clearTimeout(timer);
    }
  }

  private waitMs(): number {
    const now = this.clock();
    this.credits = Math.min(BURST, this.credits + (now - this.refilledAt) / this.options.intervalMs);
    this.refilledAt = now;
    return Math.max(this.notBefore - now, this.credits >= 1 ? 0 : (1 - this.credits) * this.options.intervalMs);
  }

  private hasUnsent(): boolean {
    for (const limit of this.limits.values()) if (limit.hasUnsent()) return true;
    return false;
  }

  private send(): Promise<void> {
    this.credits -= 1;
    const batch = [...this.limits.values()].flatMap((limit) => limit.drain().map((spent) => ({ limit, spent })));
    this.sending = this.store(batch).finally(() => {
      this.sending = null;
      if (this.hasUnsent()) this.schedule();
    });
    return this.sending;
  }

  private async store(batch: { limit: WindowLimit; spent: Spent }[]): Promise<void> {
    if (batch.length === 0) return;
    const { keyPrefix, gatewayId, logger } = this.options;
    const keys: string[] = [];
    const args: (string | number)[] = [this.channel, gatewayId];
    for (const { limit, spent } of batch) {
      keys.push(this.keyOf(limit, spent.window, spent.key), this.keyOf(limit, spent.window - 1, spent.key));
      args.push(spent.count, 2 * limit.windowMs);
    }
    try {
      const totals = await this.client.parleyAddCounts(keys.length, ...keys, ...args);
      batch.forEach(({ limit, spent }, i) => limit.confirm(spent, Number(totals[2 * i]), Number(totals[2 * i + 1])));
      if (this.unreachable) logger.info({ keyPrefix }, 'rate-limit store answers again: the gateways share their counts again');
      this.unreachable = false;
    } catch (error) {
      batch.forEach(({ limit, spent }) => limit.restore(spent));
      this.notBefore = this.clock() + Math.max(RETRY_MS, this.options.intervalMs);
      if (!this.unreachable) logger.warn({ err: (error as Error).message }, 'rate-limit store unreachable: each gateway limits alone until it answers');
      this.unreachable = true;
    }
  }

  private keyOf(limit: WindowLimit, window: number, key: string): string {
    return `${this.options.keyPrefix}:rate:${limit.name}:${window}:${key}`;
  }

  /** Another gateway's totals: `[gatewayId, redisKey, total, redisKey, total, ...]`. */
  private hear(message: string): void {
    let news: unknown;
    try {
      news = JSON.parse(message);
    } catch {
      return;
    }
    if (!Array.isArray(news) || news[0] === this.options.gatewayId) return;
    const base = `${this.options.keyPrefix}:rate:`;
    for (let i = 1; i + 1 < news.length; i += 2) {
      const redisKey = String(news[i]);
      if (!redisKey.startsWith(base)) continue;
      const rest = redisKey.slice(base.length);
      const nameEnd = rest.indexOf(':');
      const windowEnd = rest.indexOf(':', nameEnd + 1);
      if (nameEnd < 0 || windowEnd < 0) continue;
      this.limits.get(rest.slice(0, nameEnd))?.heard(rest.slice(windowEnd + 1), Number(rest.slice(nameEnd + 1, windowEnd)), Number(news[i + 1]));
    }
  }
}

export interface OpenSharedCounts {
  counts: SharedCounts;
  /** The command connection, for the connection cap too. */
  redis: Redis;
  subscriber: Redis;
  close(): Promise<void>;
}

/** Connects to Redis (two connections: commands, and the totals' subscription) and shares counts through it. */
export function openSharedCounts(options: Omit<SharedCountsOptions, 'redis' | 'subscriber'> & { redisUrl: string }): OpenSharedCounts {
  const connect = (connection: string, extra: RedisOptions = {}) =>
    logOutages(new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 2000, autoResubscribe: false, ...extra }), connection, options.logger);
  // Auto-pipelining: the commands of one turn (a storm's connection-cap checks and releases) leave
  // in one write, not one system call each.
  const redis = connect('commands', { enableAutoPipelining: true });
  const subscriber = connect('totals');
  const counts = new SharedCounts({ ...options, redis, subscriber });
  return {
    counts,
    redis,
    subscriber,
    async close() {
      await counts.close();
      await Promise.all([redis, subscriber].map((connection) => connection.quit().catch(() => connection.disconnect())));
    },
  };
}

/** One warning when a connection to Redis is lost (not one per retry), one line when it is back. */
function logOutages(redis: Redis, connection: string, logger: Logger): Redis {
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn({ err: error.message, connection }, 'rate-limit store (Redis) connection lost');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info({ connection }, 'rate-limit store (Redis) connection back');
    down = false;
  });
  return redis;
}
