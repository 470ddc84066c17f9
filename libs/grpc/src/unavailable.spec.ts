import knex from 'knex';
import { isDependencyUnavailable } from './unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDependencyUnavailable', () => {
  it('recognises a database that cannot be reached, is shutting down or has no free connection', () => {
    expect(isDependencyUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDependencyUnavailable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isDependencyUnavailable(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isDependencyUnavailable(withCode('connection failure', '08006'))).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyUnavailable(new Error('ROLLBACK - Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isDependencyUnavailable(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'))).toBe(true);
  });

  it('recognises a query that waited for a connection while the service stopped and closed its pool', async () => {
    const pool = knex({ client: 'pg', connection: { host: '127.0.0.1', user: 'postgres', database: 'postgres' }, pool: { min: 0, max: 1 } });
    await pool.raw('select 1');
    // The pool's one connection is busy; the next query waits for it, and the pool closes meanwhile.
    const holding = pool.raw('select pg_sleep(0.3)').then(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waiting = pool.raw('select 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = pool.destroy();
    const error = await waiting;
    await Promise.all([holding, closing]);
    expect((error as Error).message).toBe('aborted');
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it('leaves other failures alone', () => {
    expect(isDependencyUnavailable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDependencyUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDependencyUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDependencyUnavailable(new Error('This operation was aborted'))).toBe(false);
  });
});
