import { z } from 'zod';
import { env, parseConfig, serviceAddressSettings, serviceBaseSettings, setting, type Env } from '@parley/config';
import { sessionCacheSettings } from '@parley/session-directory';

export const presenceConfigSchema = z
  .object({
    ...serviceBaseSettings('presence', { poolMax: 20 }),
    ...serviceAddressSettings('session'),
    PRESENCE_LEASE_TTL_MS: setting(
      env.ms(20_000, 1000),
      "A gateway that has not renewed its lease this long (ms) is taken for dead: its sockets are reaped and their users leave. Keep it several times the gateways' PRESENCE_RENEW_INTERVAL_MS.",
    ),
    PRESENCE_REAP_INTERVAL_MS: setting(env.ms(5000, 100), "How often (ms) expired leases are looked for: a dead gateway's users are gone within PRESENCE_LEASE_TTL_MS plus this."),
    TYPING_TTL_MS: setting(env.ms(10_000, 500), 'A typing indicator expires this long (ms) after the last stored `typing`.'),
    TYPING_SWEEP_INTERVAL_MS: setting(env.ms(30_000, 100), 'How often (ms) expired rows of the typing record (typing_indicators) are deleted.'),
    TYPING_RECORD_INTERVAL_MS: setting(
      env.ms(1000, 0, 5000),
      'The typing record (typing_indicators) is written behind the signals at most once per this long (ms), 200 changes at once when that many wait; nobody waits for it (the gateways show and expire the indicators). 0: a write as soon as the last answered.',
    ),
    TYPING_THROTTLE_MS: setting(env.ms(3000, 0), 'Repeated `typing` within this long (ms) of the last stored one writes nothing; below TYPING_TTL_MS.'),
    MAX_REGISTRATIONS_RUNNING: setting(
      env.int(1000, 1),
      "Joins, leaves and disconnects of sockets running at once, counted per socket in batches too; one more is refused with RESOURCE_EXHAUSTED (clients retry later) rather than queued past its deadline. Connects are never refused. Keep it above 256 × the gateways: each sends one batch of at most 256 registrations at a time.",
    ),
    ...sessionCacheSettings,
  })
  .refine((c) => c.TYPING_THROTTLE_MS < c.TYPING_TTL_MS, { message: 'must be shorter than TYPING_TTL_MS', path: ['TYPING_THROTTLE_MS'] });

export type PresenceConfig = z.infer<typeof presenceConfigSchema>;

export const loadPresenceConfig = (source: Env = process.env): PresenceConfig => parseConfig(presenceConfigSchema, source);
