import type { Knex } from 'knex';
import type { QueryResultRow } from 'pg';
import { pooledClient } from './pooled-client';

/**
 * Runs a statement as a named prepared statement on one of the pool's connections: PostgreSQL
 * parses and plans it once per connection, then only binds and executes (knex.raw sends the text
 * every time). For the statements a hot path runs once per batch. `name` must be unique per text.
 */
export async function queryPrepared<R extends QueryResultRow>(knex: Knex, name: string, text: string, values: unknown[]): Promise<R[]> {
  const client = pooledClient(knex);
  const connection = await client.acquireConnection();
  try {
    return (await connection.query<R>({ name, text, values })).rows;
  } finally {
    await client.releaseConnection(connection);
  }
}
