/** The one-shot migration job: npm run migrate (DATABASE_URL). */
import { parseConfig } from '@parley/config';
import { createLogger } from '@parley/logger';
import { createKnex } from '../knex';
import { migrateConfigSchema, migrateLatest } from '../migrate';

async function main(): Promise<void> {
  const config = parseConfig(migrateConfigSchema);
  const logger = createLogger('migrate', config.LOG_LEVEL);
  const knex = createKnex({ url: config.DATABASE_URL, poolMax: 1 });
  try {
    const applied = await migrateLatest(knex);
    logger.info({ applied }, applied.length ? 'migrations applied' : 'schema already up to date');
  } finally {
    await knex.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
