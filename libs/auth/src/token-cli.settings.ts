import { z } from 'zod';
import { env, parseConfig, setting, type Env } from '@parley/config';

/** What `npm run token` reads. */
export const tokenCliSettingsSchema = z.object({
  JWT_SECRET: setting(env.optionalString(), 'The secret the token is signed with; unset: the development secret `npm start` uses without JWT_SECRET.'),
});

export const loadTokenCliSettings = (source: Env = process.env) => parseConfig(tokenCliSettingsSchema, source);
