import { z } from 'zod';
import { env, parseConfig, serviceAddressSettings, serviceBaseSettings, setting, type Env } from '@parley/config';
import { ASSIGN_STRATEGIES } from './domain/assignment-policy';

const msOrOff = (fallback: number, min: number) =>
  z.coerce
    .number()
    .int()
    .refine((v) => v === 0 || v >= min, { message: `must be 0 (off) or at least ${min}` })
    .default(fallback);

export const sessionConfigSchema = z.object({
  ...serviceBaseSettings('session', { poolMax: 20 }),
  ...serviceAddressSettings('presence'),
  ...serviceAddressSettings('message'),
  AUTO_ASSIGN: setting(z.enum(ASSIGN_STRATEGIES).default('off'), `Auto-assignment of waiting chats to online, available agents: ${ASSIGN_STRATEGIES.join(', ')} (off: agents accept from the queue).`),
  AGENT_MAX_CHATS: setting(env.int(5, 1, 100), 'The most active chats auto-assignment gives one agent.'),
  AGENT_OFFLINE_GRACE_MS: setting(msOrOff(300_000, 1000), 'An agent offline this long (ms) loses their active chats to the queue; 0: never.'),
  AGENT_REPLY_TIMEOUT_MS: setting(msOrOff(0, 1000), 'An agent who has not written this long (ms) after getting a chat loses it to the queue; 0: never.'),
  ASSIGN_INTERVAL_MS: setting(env.ms(5000, 100, 600_000), 'How often (ms) the assigner looks again; it also runs at once when the queue or an agent changes.'),
});

export type SessionConfig = z.infer<typeof sessionConfigSchema>;

export const loadSessionConfig = (source: Env = process.env): SessionConfig => parseConfig(sessionConfigSchema, source);
