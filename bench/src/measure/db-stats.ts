import { createKnex } from '@parley/db';

export interface DbCounters {
  commits: number;
  rollbacks: number;
  inserted: number;
  updated: number;
  deleted: number;
}

/**
 * PostgreSQL's own counters for the target's database (pg_stat_database): every statement outside
 * a transaction is a commit of its own, so commits per message is a floor on the round trips a
 * message costs. The server flushes these counters about once a second.
 */
export async function readDbCounters(databaseUrl: string): Promise<DbCounters> {
  const knex = createKnex({ url: databaseUrl, poolMax: 1 });
  try {
    const { rows } = await knex.raw<{ rows: Array<Record<string, string>> }>(
      'select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = current_database()',
    );
    const row = rows[0];
    return { commits: Number(row.xact_commit), rollbacks: Number(row.xact_rollback), inserted: Number(row.tup_inserted), updated: Number(row.tup_updated), deleted: Number(row.tup_deleted) };
  } finally {
    await knex.destroy();
  }
}

/** Counters per message between two readings, two decimals (commits per message is judged against 0.2). */
export function perMessage(before: DbCounters, after: DbCounters, messages: number): DbCounters {
  const per = (key: keyof DbCounters) => (messages > 0 ? Math.round(((after[key] - before[key]) / messages) * 100) / 100 : 0);
  return { commits: per('commits'), rollbacks: per('rollbacks'), inserted: per('inserted'), updated: per('updated'), deleted: per('deleted') };
}
