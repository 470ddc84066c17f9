import { z } from 'zod';

/** The session cache's settings, in the config of each service that keeps one (message, presence). */
export const sessionCacheSettings = {
  /**
   * How long the session service's answer about a session (may the caller see it, its status and
   * agent) is reused; every lifecycle event of the session drops it sooner. 0: ask every time.
   */
  SESSION_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
  /** Sessions the cache holds at most. */
  SESSION_CACHE_MAX: z.coerce.number().int().min(1).default(10_000),
};
