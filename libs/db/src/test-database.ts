import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { testSettings } from '@parley/config';
import { createKnex } from './knex';
import { migrateLatest } from './migrate';

/** The server tests create their databases on: TEST_DATABASE_URL, or the machine's PostgreSQL. */
export const TEST_SERVER_URL = testSettings().TEST_DATABASE_URL;

export interface TestDatabase {
  url: string;
  knex: Knex;
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, migrated database of its own for one test file (on `serverUrl`'s server); `drop()` removes it. */
export async function createTestDatabase(prefix = 'parley_test', serverUrl = TEST_SERVER_URL): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = createKnex({ url: serverUrl, poolMax: 1 });
  await admin.raw(`create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const knex = createKnex({ url, poolMax: 5 });
  await migrateLatest(knex);
  return {
    url,
    knex,
    async drop() {
      await knex.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}
