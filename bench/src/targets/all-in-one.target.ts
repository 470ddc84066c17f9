import path from 'node:path';
import { buildServices } from '@parley/e2e/src/support/script-command';
import { createTestDatabase } from '@parley/db';
import { freePort } from '@parley/e2e/src/support/stack';
import { TEST_JWT_SECRET } from '@parley/testing';
import { BENCH_GATEWAY_LIMITS } from './bench-limits';
import { spawnService } from './spawned';
import type { Target } from './target';

async function ready(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The all-in-one process (every service in one process, the in-process bus), built as it ships
 * (its bundle; E2E_FROM_SOURCES=1: `npm start`'s sources), on a fresh database of the local
 * PostgreSQL, so both modes store into the same server.
 */
export async function startAllInOne(logDir: string): Promise<Target> {
  buildServices(['all-in-one']);
  const db = await createTestDatabase('parley_bench_aio');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...BENCH_GATEWAY_LIMITS, DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  const parley = await spawnService('all-in-one', env, path.join(logDir, 'all-in-one.log'), () => ready(url)).catch(async (error) => {
    await db.drop();
    throw error;
  });
  return {
    name: 'all-in-one',
    urls: [url, url],
    databaseUrl: db.url,
    processes: () => [{ name: 'all-in-one', pids: parley.pids() }],
    async stop() {
      await parley.stop();
      await db.drop();
    },
  };
}
