import { z } from 'zod';
import { env, parseConfig, serviceAddressSettings, serviceBaseSettings, setting, type Env } from '@parley/config';
import { sessionCacheSettings } from '@parley/session-directory';

export const messageConfigSchema = z.object({
  ...serviceBaseSettings('message', { poolMax: 20 }),
  ...serviceAddressSettings('session'),
  ...serviceAddressSettings('attachment'),
  ...sessionCacheSettings,
  ALLOW_ANY_AGENT_REPLY: setting(env.boolean(false), 'Let any support agent reply in an active chat, not only its assigned agent.'),
  MAX_SENDS_RUNNING: setting(
    env.int(200, 1),
    'Sends running at once; one more is refused with RESOURCE_EXHAUSTED (clients retry later), so an overload turns into quick refusals, not a backlog. Read receipts are never refused.',
  ),
});

export type MessageConfig = z.infer<typeof messageConfigSchema>;

export const loadMessageConfig = (source: Env = process.env): MessageConfig => parseConfig(messageConfigSchema, source);
