import type { Knex } from 'knex';
import type { PoolClient } from 'pg';

/** knex's client as the pool's borrowers see it: one node-postgres connection lent at a time. */
export interface PooledClient {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(connection: PoolClient): Promise<void>;
}

/** The pool behind `knex`, for work that needs one connection of it (a prepared statement, a pipelined transaction). */
export const pooledClient = (knex: Knex) => knex.client as unknown as PooledClient;
