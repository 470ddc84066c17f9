import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { OsUser } from './os-user';
import type { PostgresBinaries } from './postgres-binaries';

const run = promisify(execFile);

/** One PostgreSQL cluster (a data folder) and how its server is run. */
export interface ClusterOptions {
  binaries: PostgresBinaries;
  dataDir: string;
  /** Runs initdb and the server as this user (PostgreSQL refuses root); the current user when absent. */
  user?: OsUser;
  /** The cluster's superuser. */
  superuser: string;
  /** Its password (password authentication); trust authentication when absent. */
  password?: string;
  /** Extra server settings, e.g. `{ fsync: 'off' }`. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

export interface RunningCluster {
  port: number;
  /** Fast shutdown (every session is ended, as an operator's restart does); resolves once the server has exited. */
  stop(): Promise<void>;
}

export const isInitialised = (dataDir: string): boolean => fs.existsSync(path.join(dataDir, 'PG_VERSION'));

const asUser = (user: OsUser | undefined) => (user ? { uid: user.uid, gid: user.gid } : {});

/** initdb: a new cluster in `dataDir` (which must be empty or missing), UTF-8, C locale. */
export async function initCluster(options: ClusterOptions): Promise<void> {
  const { binaries, dataDir, user } = options;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) fs.chownSync(dataDir, user.uid, user.gid);
  const args = [`--pgdata=${dataDir}`, `--username=${options.superuser}`, '--encoding=UTF8', '--locale=C', '--no-sync'];
  let passwordFile: string | undefined;
  if (options.password !== undefined) {
    // Beside the cluster, where its user can read it, and only for initdb.
    passwordFile = path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.pwfile`);
    fs.writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (user) fs.chownSync(passwordFile, user.uid, user.gid);
    args.push('--auth=scram-sha-256', `--pwfile=${passwordFile}`);
  } else {
    args.push('--auth=trust');
  }
  try {
    await run(binaries.initdb, args, { ...asUser(user), env: { ...process.env, LC_ALL: 'C' } });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`initdb failed for ${dataDir}: ${stderr?.trim() || (error as Error).message}`);
  } finally {
    if (passwordFile) fs.rmSync(passwordFile, { force: true });
  }
}

async function accepts(port: number, options: ClusterOptions): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: options.superuser, password: options.password, database: 'postgres', connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts the cluster's server on 127.0.0.1:`port` (no Unix socket) in a process group of its own, so
 * a Ctrl-C in the terminal reaches the runner, which stops its services and then this server, in
 * that order. Resolves once it takes connections; a server that exits first fails with its log.
 */
export async function startCluster(options: ClusterOptions, port: number): Promise<RunningCluster> {
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const args = ['-D', options.dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  const child: ChildProcess = spawn(options.binaries.postgres, args, {
    ...asUser(options.user),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-4000);
    for (const line of text.split('\n')) if (line.trim()) options.onLog?.(line);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The server must not outlive this process, whatever way it ends.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);

  const deadline = Date.now() + 60_000;
  while (!(await accepts(port, options))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      process.removeListener('exit', killOnExit);
      throw new Error(`PostgreSQL (${options.dataDir}) exited before it took connections:\n${output.trim()}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      process.removeListener('exit', killOnExit);
      throw new Error(`PostgreSQL (${options.dataDir}) did not take connections within 60 s:\n${output.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
