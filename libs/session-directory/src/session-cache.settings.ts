import { env, setting } from '@parley/config';

/** The session cache's settings, in the config of each service that keeps one (message, presence). */
export const sessionCacheSettings = {
  SESSION_CACHE_TTL_MS: setting(
    env.ms(30_000, 0, 300_000),
    "How long (ms) the session service's answer about a session (may the caller see it, its status and agent) is reused; every lifecycle event of the session drops it sooner. 0: ask every time.",
  ),
  SESSION_CACHE_MAX: setting(env.int(10_000, 1), 'Sessions that cache holds at most.'),
};
