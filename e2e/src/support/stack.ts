import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { testSettings } from '@parley/config';
import { createTestDatabase, freePort } from '@parley/db';
import { deleteParleyBrokerObjects, REPO_ROOT, startS3Server, TEST_JWT_SECRET } from '@parley/testing';
import { acceptsConnections, httpOk, killGroup, liveGroups, sleep } from './processes';
import { serviceCommand, serviceEntry } from './script-command';

/**
 * The real stack for end-to-end tests: the session, message, presence and attachment services
 * (one instance of each, or `instances` of each, reached by address lists) and two gateways, each
 * its own OS process running its bundle (`node dist/services/<name>/main.js`;
 * E2E_FROM_SOURCES=1: `tsx services/<name>/src/main.ts`, script-command.ts), on a fresh
 * PostgreSQL database, a RabbitMQ exchange and an S3 server (s3rver, in the test process) of their own. Every process writes its output to
 * test-artifacts/e2e/<run>/<name>.log.
 */

export const AMQP_URL = testSettings().E2E_AMQP_URL;
/** The gateways share their rate limits there, as in production with several gateways. */
export const REDIS_URL = testSettings().E2E_REDIS_URL;
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts', 'e2e');


interface ServiceSpec {
  name: ServiceName;
  /** The folder of services/ it runs. */
  service: string;
  port: number;
  kind: 'grpc' | 'http';
  env: Record<string, string>;
}

interface RunningProcess {
  child: ChildProcess;
  exited: Promise<void>;
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Set while the stack itself stops the process, so its exit is not reported as a crash. */
  stopping: boolean;
}

export { BACKEND_NAMES, SERVICE_NAMES, type BackendName, type Crash, type ServiceName, type Stack, type StackOptions } from './stack.types';
import { BACKEND_NAMES, type BackendName, type Crash, type ServiceName, type Stack, type StackOptions } from './stack.types';

// The benchmark starts its processes with these too.
export { freePort } from '@parley/db';
export { acceptsConnections, httpOk } from './processes';

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const label = (options.label ?? 'stack').replace(/[^\w-]/g, '_');
  const runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${label}-${randomBytes(3).toString('hex')}`;
  const logDir = path.join(ARTIFACTS_DIR, runId);
  fs.mkdirSync(logDir, { recursive: true });
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;

  const db = await createTestDatabase(`parley_e2e_${label.replace(/-/g, '_').toLowerCase()}`, options.databaseServerUrl);
  const exchange = `parley.e2e.${label}.${randomBytes(6).toString('hex')}`;
  const limitsPrefix = `parley:e2e:${label}:${randomBytes(4).toString('hex')}`;
  const s3 = await startS3Server();
  const count = options.instances ?? testSettings().E2E_INSTANCES;
  // Instance 1 keeps the service's name (what most specs kill and restart), the others are `<service>-<n>`.
  const instanceNames = Object.fromEntries(
    BACKEND_NAMES.map((service) => [service, Array.from({ length: count }, (_, i) => (i === 0 ? service : (`${service}-${i + 1}` as ServiceName)))]),
  ) as Record<BackendName, ServiceName[]>;
  const ports = {} as Record<ServiceName, number>;
  for (const name of [...Object.values(instanceNames).flat(), 'gateway-a', 'gateway-b'] as ServiceName[]) ports[name] = await freePort();
  const [portA, portB] = [ports['gateway-a'], ports['gateway-b']];
  /** What callers are given as <SERVICE>_SERVICE_ADDR: every instance's host:port. */
  const addr = (service: BackendName) => instanceNames[service].map((name) => `127.0.0.1:${ports[name]}`).join(',');

  const amqpUrl = options.amqpUrl ?? AMQP_URL;
  // One bucket and one link secret for every attachment instance: any of them serves any file.
  const bucket = `parley-e2e-${randomBytes(4).toString('hex')}`;
  const linkSecret = `e2e-link-secret-${randomBytes(8).toString('hex')}`;
  const common = {
    DATABASE_URL: db.url,
    AMQP_URL: amqpUrl,
    EVENTS_EXCHANGE: exchange,
    JWT_SECRET: TEST_JWT_SECRET,
    INTERNAL_GRPC_TOKEN: `e2e-internal-${randomBytes(12).toString('hex')}`,
    LOG_LEVEL: options.logLevel ?? testSettings().E2E_LOG_LEVEL,
    NODE_ENV: 'test',
  };
  const gateway = (id: string, port: number): Record<string, string> => ({
    ...common,
    PORT: String(port),
    HOST: '127.0.0.1',
    SESSION_SERVICE_ADDR: addr('session'),
    MESSAGE_SERVICE_ADDR: addr('message'),
    PRESENCE_SERVICE_ADDR: addr('presence'),
    ATTACHMENT_SERVICE_ADDR: addr('attachment'),
    GATEWAY_ID: `e2e-${label}-${id}-${randomBytes(3).toString('hex')}`,
    RATE_LIMIT_REDIS_URL: REDIS_URL,
    RATE_LIMIT_KEY_PREFIX: limitsPrefix,
    // Every test client connects from 127.0.0.1: per-IP limits would make the specs limit each other.
    RATE_LIMIT_REST_PER_IP: '1000000',
    RATE_LIMIT_CONNECTS_PER_IP: '1000000',
    ...options.gatewayEnv,
  });
  const backends: Record<BackendName, (port: number) => Record<string, string>> = {
    session: (port) => ({
      ...common,
      SESSION_GRPC_HOST: '127.0.0.1',
      SESSION_GRPC_PORT: String(port),
      PRESENCE_SERVICE_ADDR: addr('presence'),
      MESSAGE_SERVICE_ADDR: addr('message'),
      ...options.sessionEnv,
    }),
    message: (port) => ({
      ...common,
      MESSAGE_GRPC_HOST: '127.0.0.1',
      MESSAGE_GRPC_PORT: String(port),
      SESSION_SERVICE_ADDR: addr('session'),
      ATTACHMENT_SERVICE_ADDR: addr('attachment'),
    }),
    attachment: (port) => ({
      ...common,
      ATTACHMENT_GRPC_HOST: '127.0.0.1',
      ATTACHMENT_GRPC_PORT: String(port),
      SESSION_SERVICE_ADDR: addr('session'),
      ATTACHMENT_STORE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: bucket,
      ATTACHMENT_LINK_SECRET: linkSecret,
    }),
    presence: (port) => ({
      ...common,
      PRESENCE_GRPC_HOST: '127.0.0.1',
      PRESENCE_GRPC_PORT: String(port),
      SESSION_SERVICE_ADDR: addr('session'),
      ...options.presenceEnv,
    }),
  };
  const specs = {
    'gateway-a': { name: 'gateway-a', service: 'gateway', port: portA, kind: 'http', env: gateway('a', portA) },
    'gateway-b': { name: 'gateway-b', service: 'gateway', port: portB, kind: 'http', env: gateway('b', portB) },
  } as Record<ServiceName, ServiceSpec>;
  for (const service of BACKEND_NAMES) {
    for (const name of instanceNames[service]) specs[name] = { name, service, port: ports[name], kind: 'grpc', env: backends[service](ports[name]) };
  }

  const running = new Map<ServiceName, RunningProcess>();
  const crashed: Crash[] = [];
  const logPath = (name: ServiceName) => path.join(logDir, `${name}.log`);

  function launch(name: ServiceName): void {
    const spec = specs[name];
    const fd = fs.openSync(logPath(name), 'a');
    fs.writeSync(fd, `\n=== ${new Date().toISOString()} starting ${serviceEntry(spec.service)} (port ${spec.port})\n`);
    // Its own process group: from sources, tsx runs the service in a child process, and a SIGKILL must reach both.
    const [command, argv] = serviceCommand(spec.service);
    const child = spawn(command, argv, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    fs.closeSync(fd);
    const entry: RunningProcess = { child, exit: null, stopping: false, exited: Promise.resolve() };
    entry.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        entry.exit = { code, signal };
        fs.appendFileSync(logPath(name), `=== ${new Date().toISOString()} ${name} exited (code ${code}, signal ${signal})${entry.stopping ? '' : ' UNEXPECTEDLY'}\n`);
        if (!entry.stopping) crashed.push({ name, code, signal, lastLines: logTail(name, 40).split('\n') });
        resolve();
      });
      child.once('error', (error) => {
        fs.appendFileSync(logPath(name), `spawn failed: ${error.message}\n`);
        entry.exit = { code: -1, signal: null };
        if (!entry.stopping) crashed.push({ name, code: -1, signal: null, lastLines: [`spawn failed: ${error.message}`] });
        resolve();
      });
    });
    if (child.pid) liveGroups.add(child.pid);
    running.set(name, entry);
  }

  function logTail(name: ServiceName, lines = 30): string {
    try {
      return fs.readFileSync(logPath(name), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  async function isReady(name: ServiceName): Promise<boolean> {
    const spec = specs[name];
    if (spec.kind === 'grpc') return acceptsConnections(spec.port);
    const base = `http://127.0.0.1:${spec.port}`;
    return (await httpOk(`${base}/healthz`)) && (await httpOk(`${base}/readyz`));
  }

  async function waitReady(name?: ServiceName, timeoutMs = readyTimeoutMs): Promise<void> {
    const names = name ? [name] : [...running.keys()];
    await Promise.all(
      names.map(async (n) => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const entry = running.get(n);
          if (!entry || entry.exit) {
            throw new Error(`${n} exited (${JSON.stringify(entry?.exit ?? null)}) before it was ready; ${logPath(n)}:\n${logTail(n)}`);
          }
          if (await isReady(n)) return;
          if (Date.now() > deadline) throw new Error(`${n} was not ready within ${timeoutMs} ms; ${logPath(n)}:\n${logTail(n)}`);
          await sleep(200);
        }
      }),
    );
  }

  async function terminate(name: ServiceName, signal: NodeJS.Signals, graceMs = 5000): Promise<void> {
    const entry = running.get(name);
    if (!entry) return;
    entry.stopping = true;
    const pid = entry.child.pid;
    if (!entry.exit && pid) {
      try {
        // SIGTERM goes to the process started (tsx relays it to the service; a second one would make
        // it exit at once); SIGKILL goes to the whole group.
        if (signal === 'SIGKILL') process.kill(-pid, 'SIGKILL');
        else process.kill(pid, signal);
      } catch {
        // already gone
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        entry.exited.then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        fs.appendFileSync(logPath(name), `\n=== ${name} did not exit within ${graceMs} ms of ${signal}; SIGKILL\n`);
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await entry.exited;
      }
    }
    // Whatever is left of the group (the service itself, if tsx went first), until none of it is left.
    if (pid) await killGroup(pid);
    running.delete(name);
  }

  const stack: Stack = {
    gatewayA: `http://127.0.0.1:${portA}`,
    gatewayB: `http://127.0.0.1:${portB}`,
    db,
    s3,
    exchange,
    logDir,
    ports,
    instancesOf: (service) => [...instanceNames[service]],
    async kill(name, signal = 'SIGKILL') {
      await terminate(name, signal);
    },
    async restart(name) {
      await terminate(name, 'SIGTERM');
      launch(name);
      await waitReady(name);
    },
    waitReady,
    crashes: () => [...crashed],
    logTail,
    async stop() {
      const problems: string[] = [];
      // Gateways first (they hold the sockets), then the services they call.
      await Promise.all((['gateway-a', 'gateway-b'] as const).map((n) => terminate(n, 'SIGTERM')));
      await Promise.all((['message', 'presence', 'attachment', 'session'] as const).flatMap((service) => instanceNames[service].map((n) => terminate(n, 'SIGTERM'))));
      await s3.stop().catch((error: Error) => problems.push(`stop the S3 server: ${error.message}`));
      await db.drop().catch((error: Error) => problems.push(`drop database: ${error.message}`));
      await deleteParleyBrokerObjects(amqpUrl, exchange).catch((error: Error) =>
        problems.push(`delete the exchange ${exchange} and its queues: ${error.message}`),
      );
      if (problems.length > 0) throw new Error(`stack cleanup failed:\n${problems.join('\n')}`);
    },
  };

  try {
    for (const name of Object.keys(specs) as ServiceName[]) launch(name);
    await waitReady();
  } catch (error) {
    await stack.stop().catch(() => undefined);
    throw error;
  }
  return stack;
}
