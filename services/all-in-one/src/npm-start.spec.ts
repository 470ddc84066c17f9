import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_JWT_SECRET } from '@parley/auth';
import { freePort } from '@parley/db';
import { api, eventually, testUser } from '@parley/testing';

const ROOT = path.resolve(__dirname, '../../..');

/** What a newcomer runs: `npm start` with nothing configured, on an embedded PostgreSQL. */
describe('npm start on embedded defaults', () => {
  it('comes up with an embedded database, serves a chat, and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-embedded-'));
    fs.chmodSync(dataDir, 0o755);
    const port = await freePort();
    const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), PARLEY_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.AMQP_URL;
    delete env.JWT_SECRET;
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['services/all-in-one/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = `http://127.0.0.1:${port}`;
      await eventually(async () => expect((await api(url, 'GET', '/healthz')).status).toBe(200), 60_000, 250);
      // Tokens minted with the development secret, as `npm run token` does, are accepted.
      const customer = testUser('customer', 'Newcomer', DEV_JWT_SECRET);
      const opened = await api(url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Hello', initial_message: 'First!' } });
      expect(opened.status).toBe(201);
      // The initial message is stored as message 1 moments after the chat (it rides on session.created).
      await eventually(async () => {
        const detail = await api(url, 'GET', `/api/v1/chat/sessions/${opened.body.data.id}`, { token: customer.token });
        expect(detail.body.data.last_message?.content).toBe('First!');
      });
      expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  }, 90_000);
});
