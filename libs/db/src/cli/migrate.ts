/** The one-shot migration job: npm run migrate (DATABASE_URL). */
import { z } from 'zod';
import { parseConfig } from '@parley/config';
import { createLogger } from '@parley/logger';
import { createKnex } from '../knex';
import { migrateLatest } from '../migrate';

async function main(): Promise<void> {
  const logger = createLogger('migrate');
  const config = parseConfig(z.object({ DATABASE_URL: z.string().url() }));
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
