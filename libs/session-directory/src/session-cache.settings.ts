import { env, setting } from '@parley/config';

/** The session cache's settings, in the config of each service that keeps one (message, presence). */
export const sessionCacheSettings = {
  SESSION_CACHE_TTL_MS: setting(
    env.ms(300_000, 0, 3_600_000),
    "How long (ms) a session as the session service answered it, or as a lifecycle event carried it (its status, agent and requester), is reused; every lifecycle event of the session replaces it sooner, and the whole cache goes when events may have been missed. 0: ask every time.",
  ),
  SESSION_CACHE_MAX: setting(env.int(10_000, 1), 'Sessions that cache holds at most.'),
};
