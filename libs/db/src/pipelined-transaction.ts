import type { Knex } from 'knex';
import { pooledClient } from './pooled-client';
import { StatementPipeline, type PipelinedStatement } from './statement-pipeline';

/** A statement a transaction runs: a knex query builder or raw statement, built but not run. */
export type Statement = Knex.QueryBuilder | Knex.Raw;

/** A transaction whose statements travel to PostgreSQL together (`pipelinedTransaction`). */
export interface PipelinedTransaction {
  /**
   * Queues the statement; answers its rows once the round trip it left in is back. Statements
   * queued in one turn of the event loop leave together, in the order queued. With a `name`
   * (unique per text: a statement whose text never changes) it is prepared under that name.
   */
  query<R = Record<string, unknown>>(statement: Statement, name?: string): Promise<R[]>;
}

interface Queued {
  statement: PipelinedStatement;
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

const BEGIN: PipelinedStatement = { text: 'begin', values: [], name: 'pipeline-begin' };
const COMMIT: PipelinedStatement = { text: 'commit', values: [], name: 'pipeline-commit' };

/**
 * Runs `work` in one transaction whose statements are pipelined: those queued in one turn of the
 * event loop (`setImmediate`: no timer, the turn's promise callbacks have run) leave together as
 * one round trip (`StatementPipeline`: the extended protocol, one Sync), and PostgreSQL runs them
 * in order, each with its own snapshot (read committed), so a read queued after a lock sees what
 * the lock's holder committed. `BEGIN` leaves with the first statements, `COMMIT` with the last
 * ones the work queued without waiting for them. A transaction of seven statements the work needs
 * in three steps costs three round trips, not nine: on this machine a round trip that wakes
 * another process is the dearest part of a small statement (docs/architecture.md). A statement
 * queued with a name is prepared under it on each connection once: the set-based statements a
 * batch runs are planned once, not per batch. A statement that fails fails the statements of its
 * round trip and the transaction: it is rolled back and the error is thrown.
 */
export async function pipelinedTransaction<T>(knex: Knex, work: (trx: PipelinedTransaction) => Promise<T | CommitWith<T>>): Promise<T> {
  const client = pooledClient(knex);
  const connection = await client.acquireConnection();
  let queue: Queued[] = [{ statement: BEGIN, resolve: () => undefined, reject: () => undefined }];
  let scheduled = false;
  let failure: unknown;
  const flush = async () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (failure !== undefined) return batch.forEach((q) => q.reject(failure));
    try {
      const rows = await StatementPipeline.run(connection, batch.map((q) => q.statement));
      batch.forEach((q, i) => q.resolve(rows[i] ?? []));
    } catch (error) {
      failure ??= error;
      batch.forEach((q) => q.reject(error));
    }
  };
  const enqueue = (statement: PipelinedStatement): Promise<unknown[]> =>
    new Promise((resolve, reject) => {
      queue.push({ statement, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => void flush());
    });
  const trx: PipelinedTransaction = {
    query: <R>(statement: Statement, name?: string) => {
      const { sql, bindings } = statement.toSQL().toNative();
      return enqueue({ text: sql, values: bindings, name }) as Promise<R[]>;
    },
  };
  try {
    const value = await work(trx);
    if (failure !== undefined) throw failure;
    await enqueue(COMMIT);
    return value instanceof CommitWith ? await value.value : value;
  } catch (error) {
    await connection.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.releaseConnection(connection);
  }
}
