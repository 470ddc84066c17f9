import type { Logger } from '@parley/logger';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

// bigint columns (seq, file_size) come back as numbers; they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DatabaseOptions {
  url: string;
  poolMax?: number;
  /** Where knex's own warnings go (lost connections and the like); they are JSON lines too. */
  logger?: Logger;
}

/** A pooled knex instance on PostgreSQL. Connections that drop are replaced by the pool. */
export function createKnex({ url, poolMax = 10, logger }: DatabaseOptions): Knex {
  return knexFactory({
    ...(logger
      ? {
          log: {
            warn: (m: unknown) => logger.warn({ knex: String(m) }, 'database'),
            error: (m: unknown) => logger.error({ knex: String(m) }, 'database'),
            deprecate: () => undefined,
            debug: () => undefined,
          },
        }
      : {}),
    client: 'pg',
    connection: { connectionString: url, application_name: 'parley' },
    pool: { min: 0, max: poolMax, idleTimeoutMillis: 30_000 },
    acquireConnectionTimeout: 5000,
  });
}

/** True when the database answers a trivial query (readiness and health). */
export async function isDatabaseReachable(knex: Knex): Promise<boolean> {
  try {
    await knex.raw('select 1');
    return true;
  } catch {
    return false;
  }
}
