import { z } from 'zod';
import { env } from './env';
import { LOG_LEVELS } from './fragments';
import { parseConfig, type Env } from './parse';
import { setting } from './setting';

/** What the tests read from the environment (`npm test`); none of it is needed on this kind of machine. */
export const testSettingsSchema = z.object({
  TEST_DATABASE_URL: setting(z.string().url().default('postgres://postgres@127.0.0.1:5432/postgres'), 'PostgreSQL server the tests create their own databases on (a user that may create databases).'),
  TEST_AMQP_URL: setting(z.string().url().default('amqp://guest:guest@127.0.0.1:5672'), 'RabbitMQ the unit and integration tests use (their own exchanges and queues).'),
  TEST_LOG_LEVEL: setting(z.enum(LOG_LEVELS).default('silent'), 'Log level of the services the unit and integration tests start in their own process.'),
  E2E_AMQP_URL: setting(z.string().url().default('amqp://guest:guest@127.0.0.1:5672'), 'RabbitMQ the end-to-end stacks use (their own exchange and queues).'),
  E2E_REDIS_URL: setting(z.string().url().default('redis://127.0.0.1:6379'), 'Redis the end-to-end gateways share their rate limits in (their own key prefix).'),
  E2E_INSTANCES: setting(env.int(1, 1, 4), 'Instances of each service behind the gateways in an end-to-end stack (e2e/jest.scaled.config.ts sets 2).'),
  E2E_LOG_LEVEL: setting(z.enum(LOG_LEVELS).default('warn'), 'Log level of the end-to-end stacks\' processes (logs under test-artifacts/e2e).'),
  CHROMIUM_PATH: setting(z.string().min(1).default('/usr/bin/chromium'), 'The Chromium the web app\'s browser test drives (Debian\'s package; never a downloaded build).'),
  HOSTILE_RUNS: setting(env.int(20, 1), 'Cases per property of the hostile-input test.'),
});

export type TestSettings = z.infer<typeof testSettingsSchema>;

/** The tests' settings, read once. */
export const testSettings = (source: Env = process.env): TestSettings => parseConfig(testSettingsSchema, source);
