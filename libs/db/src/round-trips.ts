import type { Knex } from 'knex';
import type { PoolClient } from 'pg';
import { pooledClient } from './pooled-client';
import { StatementPipeline } from './statement-pipeline';

/** What `recordRoundTrips` saw: each round trip's text, in the order they left. */
export interface RoundTrips {
  texts: string[];
  /** Each round trip as the first word of each of its statements, e.g. `begin select select`. */
  shapes(): string[];
}

const spied = new WeakSet<PoolClient>();
const recorders = new WeakMap<Knex, RoundTrips>();

/**
 * For tests: records the text of every statement pipeline (a pipelined transaction's round trips,
 * as one script) and every query sent as bare text on the connections `knex`'s pool hands out
 * from now on; knex's own queries go as objects and are not recorded. `texts` is emptied by the
 * caller between cases.
 */
export function recordRoundTrips(knex: Knex): RoundTrips {
  const existing = recorders.get(knex);
  if (existing) return existing;
  const texts: string[] = [];
  const recorder: RoundTrips = {
    texts,
    shapes: () => texts.map((text) => text.split(';\n').map((statement) => statement.trim().split(/\s+/)[0].toLowerCase()).join(' ')),
  };
  recorders.set(knex, recorder);
  const client = pooledClient(knex);
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => {
    const connection = await acquire();
    if (spied.has(connection)) return connection;
    spied.add(connection);
    const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    (connection as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (typeof args[0] === 'string') texts.push(args[0]);
      else if (args[0] instanceof StatementPipeline) texts.push(args[0].text);
      return query(...args);
    };
    return connection;
  };
  return recorder;
}
