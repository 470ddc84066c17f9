import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_JWT_SECRET } from '@parley/auth';
import { freePort, isRoot } from '@parley/db';
import { api, eventually, REPO_ROOT, testUser } from '@parley/testing';


/**
 * A copy of this working tree in a folder `mktemp -d` made (mode 700: no other user may enter it, as
 * with a clone under /root): the files git knows, and node_modules as hard links (the same files,
 * their folders as private as the clone's).
 */
function cloneIntoPrivateFolder(): { folder: string; clone: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-clone-'));
  expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
  const clone = path.join(folder, 'parley');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(REPO_ROOT, file);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    fs.cpSync(from, path.join(clone, file), { verbatimSymlinks: true });
  }
  execFileSync('cp', ['-al', path.join(REPO_ROOT, 'node_modules'), path.join(clone, 'node_modules')]);
  return { folder, clone };
}

/** `npm start`'s process, with nothing configured: the environment a newcomer has. */
async function npmStart(clone: string, port: number) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'AMQP_URL', 'JWT_SECRET', 'PARLEY_DATA_DIR']) delete env[name];
  // As `npm start` runs it (package.json): one process, which a SIGTERM reaches directly.
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/all-in-one/src/main.ts'], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      expect((await api(url, 'GET', '/healthz')).status).toBe(200);
    },
    90_000,
    250,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url,
    /** SIGTERM, as Ctrl-C or a process manager; the exit code, and the output when it is not 0. */
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      return { code, output: code === 0 ? '' : output };
    },
  };
}

/** What a newcomer runs: `npm start` with nothing configured, on an embedded PostgreSQL. */
describe('npm start on embedded defaults', () => {
  it('comes up from a clone in a private folder (as root too), serves a chat, stops on SIGTERM and keeps the data for the next start', async () => {
    const { folder, clone } = cloneIntoPrivateFolder();
    const customer = testUser('customer', 'Newcomer', DEV_JWT_SECRET);
    const dataLink = path.join(clone, '.data', 'postgres');
    try {
      const first = await npmStart(clone, await freePort());
      // Tokens minted with the development secret, as `npm run token` does, are accepted.
      const opened = await api(first.url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Hello', initial_message: 'First!' } });
      expect(opened.status).toBe(201);
      const sessionId: string = opened.body.data.id;
      // The initial message is stored as message 1 moments after the chat (it rides on session.created).
      await eventually(async () => {
        const detail = await api(first.url, 'GET', `/api/v1/chat/sessions/${sessionId}`, { token: customer.token });
        expect(detail.body.data.last_message?.content).toBe('First!');
      });
      expect(await first.stop()).toEqual({ code: 0, output: '' });
      // As root the cluster lives where the postgres user can reach it, and .data/postgres leads there.
      expect(fs.existsSync(path.join(dataLink, 'PG_VERSION'))).toBe(true);
      expect(fs.lstatSync(dataLink).isSymbolicLink()).toBe(isRoot());

      const second = await npmStart(clone, await freePort());
      const again = await api(second.url, 'GET', `/api/v1/chat/sessions/${sessionId}`, { token: customer.token });
      expect(again.body.data.last_message?.content).toBe('First!');
      expect(await second.stop()).toEqual({ code: 0, output: '' });
    } finally {
      if (fs.lstatSync(dataLink, { throwIfNoEntry: false })?.isSymbolicLink()) fs.rmSync(fs.realpathSync(dataLink), { recursive: true, force: true });
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 240_000);
});
