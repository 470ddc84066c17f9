import { z } from 'zod';
import { databaseSettings, loggingSettings } from '@parley/config';
import type { Knex } from 'knex';
import { migrationSource } from '@parley/migrations';

/** Brings the schema up to date; knex's lock table keeps concurrent runners from colliding. */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}

/** What `npm run migrate` (the compose file's migration job) reads. */
export const migrateConfigSchema = z.object({
  DATABASE_URL: databaseSettings(1).DATABASE_URL,
  ...loggingSettings,
});
