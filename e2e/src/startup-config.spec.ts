import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { scriptCommand } from './support/script-command';
import { REPO_ROOT } from '@parley/testing';

jest.setTimeout(60_000);

/** A TCP listener that only counts who connects: the database, broker and services a process was pointed at. */
async function connectionCounter(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = net.createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Runs an entry point with only `env` set; its exit code and what it printed. */
function run(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const [command, argv] = scriptCommand(script);
  const child = spawn(command, argv, { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output: output.trim() })));
}

/**
 * Every process checks its whole configuration before it opens a port, a file or a connection:
 * pointed at a listener that counts connections, with one setting wrong, it stops with one message
 * naming that setting (no stack trace) and nothing connected.
 */
describe('settings are checked before anything starts', () => {
  let counter: Awaited<ReturnType<typeof connectionCounter>>;
  let everywhere: Record<string, string>;

  beforeAll(async () => {
    counter = await connectionCounter();
    const there = `127.0.0.1:${counter.port}`;
    everywhere = {
      DATABASE_URL: `postgres://parley:parley@${there}/parley`,
      AMQP_URL: `amqp://guest:guest@${there}`,
      INTERNAL_GRPC_TOKEN: 'startup-config-internal-token',
      JWT_SECRET: 'startup-config-jwt-secret',
      ATTACHMENT_LINK_SECRET: 'startup-config-link-secret',
      SESSION_SERVICE_ADDR: there,
      MESSAGE_SERVICE_ADDR: there,
      PRESENCE_SERVICE_ADDR: there,
      ATTACHMENT_SERVICE_ADDR: there,
      RATE_LIMIT_REDIS_URL: `redis://${there}`,
    };
  });
  afterAll(() => counter.close());

  it.each(['session', 'message', 'presence', 'attachment', 'gateway'])('%s: a wrong LOG_LEVEL stops it, naming the variable, before it connects anywhere', async (name) => {
    const result = await run(`services/${name}/src/main.ts`, { ...everywhere, LOG_LEVEL: 'loud' });
    expect(result).toEqual({ code: 1, output: 'Invalid configuration:\n  LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"' });
    expect(counter.connections()).toBe(0);
  });

  it('a service run on its own without AMQP_URL stops before it connects anywhere', async () => {
    const withoutBroker = Object.fromEntries(Object.entries(everywhere).filter(([name]) => name !== 'AMQP_URL'));
    const result = await run('services/message/src/main.ts', withoutBroker);
    expect(result).toEqual({ code: 1, output: 'Invalid configuration:\n  AMQP_URL: required when the service runs on its own' });
    expect(counter.connections()).toBe(0);
  });

  it('npm start: a short JWT_SECRET stops it before the embedded PostgreSQL starts (no data folder is made)', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-startup-')), 'data');
    try {
      const result = await run('services/all-in-one/src/main.ts', { JWT_SECRET: 'too-short', PARLEY_DATA_DIR: dataDir });
      expect(result).toEqual({ code: 1, output: 'Invalid configuration:\n  JWT_SECRET: must be at least 16 characters' });
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });

  it("npm start: every service's wrong settings are named at once, before it connects to its database", async () => {
    const result = await run('services/all-in-one/src/main.ts', { DATABASE_URL: everywhere.DATABASE_URL, TYPING_TTL_MS: '1000', TYPING_THROTTLE_MS: '2000', ATTACHMENT_MAX_FILES: '0' });
    expect(result).toEqual({ code: 1, output: 'Invalid configuration:\n  TYPING_THROTTLE_MS: must be shorter than TYPING_TTL_MS\n  ATTACHMENT_MAX_FILES: Too small: expected number to be >=1' });
    expect(counter.connections()).toBe(0);
  });
});
