import type { Knex } from 'knex';
import { escapeLiteral, type PoolClient, type QueryResult } from 'pg';
import { sqlLiteral } from './sql-literal';

interface PooledClient {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(connection: PoolClient): Promise<void>;
}

/** A statement a transaction runs: a knex query builder or raw statement, built but not run. */
export type Statement = Knex.QueryBuilder | Knex.Raw;

/** A transaction whose statements travel to PostgreSQL together (`pipelinedTransaction`). */
export interface PipelinedTransaction {
  /**
   * Queues the statement; answers its rows once the round trip it left in is back. Statements
   * queued in one turn of the event loop leave together, in the order queued.
   */
  query<R = Record<string, unknown>>(statement: Statement): Promise<R[]>;
}

interface Queued {
  sql: string;
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

/**
 * What `work` answers when the statements its value needs are queued and not awaited: the COMMIT
 * leaves in their round trip, and the value is taken once it is back (one round trip fewer).
 */
export class CommitWith<T> {
  constructor(readonly value: Promise<T>) {
    // Read after the COMMIT; a failure of its round trip fails the transaction first.
    value.catch(() => undefined);
  }
}

/**
 * Runs `work` in one transaction whose statements are pipelined: those queued in one turn of the
 * event loop (`setImmediate`: no timer, the turn's promise callbacks have run) go as one
 * multi-statement simple query, one round trip, and PostgreSQL
 * runs them in order, each with its own snapshot (read committed), so a read queued after a lock
 * sees what the lock's holder committed. `BEGIN` leaves with the first statements, `COMMIT` with
 * the last ones the work queued without waiting for them. A transaction of seven statements the
 * work needs in three steps costs three round trips, not nine: on this machine a round trip that
 * wakes another process is the dearest part of a small statement (docs/architecture.md).
 *
 * node-postgres sends one statement per round trip and binds parameters only one statement at a
 * time, so the statements' parameters are written into the text as literals (`sqlLiteral`, with
 * node-postgres's own escaping). A statement that fails fails the statements of its round trip
 * and the transaction: it is rolled back and the error is thrown.
 */
export async function pipelinedTransaction<T>(knex: Knex, work: (trx: PipelinedTransaction) => Promise<T | CommitWith<T>>): Promise<T> {
  const client = knex.client as unknown as PooledClient;
  const connection = await client.acquireConnection();
  let queue: Queued[] = [{ sql: 'begin', resolve: () => undefined, reject: () => undefined }];
  let scheduled = false;
  let failure: unknown;
  const flush = async () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (failure !== undefined) return batch.forEach((q) => q.reject(failure));
    try {
      const results = (await connection.query(batch.map((q) => q.sql).join(';\n'))) as unknown as QueryResult | QueryResult[];
      const list = Array.isArray(results) ? results : [results];
      batch.forEach((q, i) => q.resolve(list[i]?.rows ?? []));
    } catch (error) {
      failure ??= error;
      batch.forEach((q) => q.reject(error));
    }
  };
  const enqueue = (sql: string): Promise<unknown[]> =>
    new Promise((resolve, reject) => {
      queue.push({ sql, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => void flush());
    });
  const trx: PipelinedTransaction = {
    query: <R>(statement: Statement) => {
      const { sql, bindings } = statement.toSQL().toNative();
      return enqueue(inline(sql, bindings)) as Promise<R[]>;
    },
  };
  try {
    const value = await work(trx);
    if (failure !== undefined) throw failure;
    await enqueue('commit');
    return value instanceof CommitWith ? await value.value : value;
  } catch (error) {
    await connection.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.releaseConnection(connection);
  }
}

/** The statement with its `$n` parameters written in as literals. */
function inline(sql: string, bindings: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_match, n: string) => sqlLiteral(bindings[Number(n) - 1], escapeLiteral));
}
