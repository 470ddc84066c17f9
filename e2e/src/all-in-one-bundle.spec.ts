import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { api, eventually, TEST_JWT_SECRET, testUser } from '@parley/testing';
import { freePort } from '@parley/db';
import { FROM_SOURCES, serviceCommand } from './support/script-command';
import { REPO_ROOT } from '@parley/testing';

/**
 * The all-in-one as its image runs it (its bundle, built by the suite's global setup; the sources
 * with E2E_FROM_SOURCES=1): every service in one process, each started once, the files its bundled
 * packages read found beside it, and the build it reports.
 */
describe('the all-in-one bundle', () => {
  let db: TestDatabase;
  let url: string;
  let dataDir: string;
  let output = '';
  let exited: Promise<number | null>;
  let stop: () => void;

  beforeAll(async () => {
    db = await createTestDatabase('parley_e2e_aio');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-aio-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const [command, argv] = serviceCommand('all-in-one');
    // The in-process bus (no AMQP_URL), attachments under the data folder.
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, HOST: '127.0.0.1', PORT: String(port), PARLEY_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    delete env.AMQP_URL;
    delete env.S3_ENDPOINT;
    const child = spawn(command, argv, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    exited = new Promise((resolve) => child.on('exit', resolve));
    stop = () => child.kill('SIGTERM');
    await eventually(async () => expect((await api(url, 'GET', '/readyz')).status).toBe(200), 90_000, 100);
  }, 120_000);

  afterAll(async () => {
    stop();
    await exited;
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts each service once', () => {
    const listening = output.split('\n').filter((line) => /"msg":"(gRPC server|gateway) listening"/.test(line));
    const services = listening.map((line) => (JSON.parse(line) as { service: string }).service).sort();
    expect(services).toEqual(['attachment', 'gateway', 'message', 'presence', 'session']);
  });

  it('serves a chat', async () => {
    const customer = testUser('customer', 'Bundled');
    const opened = await api(url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Built', initial_message: 'From the bundle' } });
    expect(opened.status).toBe(201);
    await eventually(async () => {
      const detail = await api(url, 'GET', `/api/v1/chat/sessions/${opened.body.data.id}`, { token: customer.token });
      expect(detail.body.data.last_message?.content).toBe('From the bundle');
    });
  });

  it('reports its version and build commit at /healthz and in parley_build_info', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const health = await api(url, 'GET', '/healthz');
    expect(health.body).toEqual({ status: 'ok', version, commit: expect.any(String) });
    const { commit } = health.body as { commit: string };
    // A bundle names the commit it was built from; the sources say they are not a build.
    expect(commit.endsWith('-dev') || commit === 'dev').toBe(FROM_SOURCES);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain(`parley_build_info{version="${version}",commit="${commit}",node="${process.version}"} 1`);
  });

  it('serves the files its bundled packages read: the Socket.io client and the API docs, and nothing else beside it', async () => {
    const client = await fetch(`${url}/socket.io/socket.io.js`);
    expect({ status: client.status, type: client.headers.get('content-type') }).toEqual({ status: 200, type: 'application/javascript; charset=utf-8' });
    expect(await client.text()).toContain('Socket.IO');
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
      const res = await fetch(`${url}/api/docs/assets/${asset}`);
      expect({ asset, status: res.status, size: (await res.arrayBuffer()).byteLength > 10_000 }).toEqual({ asset, status: 200, size: true });
    }
    for (const file of ['main.js', 'main.js.map']) expect({ file, status: (await fetch(`${url}/api/docs/assets/${file}`)).status }).toEqual({ file, status: 404 });
  });
});
