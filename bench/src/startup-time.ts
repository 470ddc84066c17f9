/**
 * Start-up time of each service and of the all-in-one, as the stack runs them (their bundles, or
 * their sources with E2E_FROM_SOURCES=1): from spawning the process to its being ready, the gRPC
 * services SERVING on their port, a gateway answering /readyz 200 with every service up, the
 * all-in-one (local PostgreSQL, in-process bus) answering /readyz.
 *
 *   npx tsx bench/src/startup-time.ts [--runs 5]
 *
 * On the local PostgreSQL and RabbitMQ; a fresh database and exchange, removed at the end.
 * Attachments on local disk (an S3 store adds its bucket check to the attachment service's start).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '@parley/db';
import { HealthChecker } from '@parley/grpc';
import { AMQP_URL, acceptsConnections, freePort, httpOk } from '@parley/e2e/src/support/stack';
import { FROM_SOURCES, buildServices, serviceCommand, serviceEntry } from '@parley/e2e/src/support/script-command';
import { deleteParleyBrokerObjects, REPO_ROOT, TEST_JWT_SECRET } from '@parley/testing';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const POLL_MS = 10;
const LOG_DIR = path.join(REPO_ROOT, 'test-artifacts', 'startup', new Date().toISOString().replace(/[:.]/g, '-'));

interface Running {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a service and answers once `ready()` holds, with the milliseconds it took. */
async function startTimed(service: string, env: Record<string, string>, ready: () => Promise<boolean>): Promise<{ ms: number; running: Running }> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const fd = fs.openSync(path.join(LOG_DIR, `${service}.log`), 'a');
  const [command, argv] = serviceCommand(service);
  const started = performance.now();
  const child = spawn(command, argv, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd], detached: true });
  fs.closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 120_000;
  while (!(await ready())) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${service} did not become ready; see ${LOG_DIR}/${service}.log`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { ms: performance.now() - started, running: { child, stop } };
}

/** SERVING: the port takes connections (the server binds when it is up), then the health service confirms. */
const grpcReady = (port: number) => async () => {
  if (!(await acceptsConnections(port))) return false;
  const health = new HealthChecker(`127.0.0.1:${port}`);
  try {
    return await health.isServing();
  } finally {
    health.close();
  }
};
const httpReady = (port: number) => () => httpOk(`http://127.0.0.1:${port}/readyz`);

async function timeRuns(service: string, env: Record<string, string>, ready: () => Promise<boolean>): Promise<{ times: number[]; last: Running }> {
  const times: number[] = [];
  for (let run = 0; ; run += 1) {
    const { ms, running } = await startTimed(service, env, ready);
    times.push(ms);
    if (run === RUNS - 1) return { times, last: running };
    await running.stop();
  }
}

function summary(name: string, times: number[]): string[] {
  const sorted = [...times].sort((a, b) => a - b);
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [name, ms(sorted[Math.floor(sorted.length / 2)]), ms(sorted[0]), ms(sorted[sorted.length - 1])];
}

async function main(): Promise<void> {
  buildServices(['session', 'message', 'presence', 'attachment', 'gateway', 'all-in-one']);
  const db = await createTestDatabase('parley_startup');
  const exchange = `parley.startup.${randomBytes(6).toString('hex')}`;
  const ports = { session: await freePort(), message: await freePort(), presence: await freePort(), attachment: await freePort(), gateway: await freePort(), allInOne: await freePort() };
  const addr = (port: number) => `127.0.0.1:${port}`;
  const common = { DATABASE_URL: db.url, AMQP_URL, EVENTS_EXCHANGE: exchange, INTERNAL_GRPC_TOKEN: `startup-${randomBytes(12).toString('hex')}`, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  const envs: Record<string, Record<string, string>> = {
    session: { ...common, SESSION_GRPC_HOST: '127.0.0.1', SESSION_GRPC_PORT: String(ports.session), PRESENCE_SERVICE_ADDR: addr(ports.presence), MESSAGE_SERVICE_ADDR: addr(ports.message) },
    message: { ...common, MESSAGE_GRPC_HOST: '127.0.0.1', MESSAGE_GRPC_PORT: String(ports.message), SESSION_SERVICE_ADDR: addr(ports.session), ATTACHMENT_SERVICE_ADDR: addr(ports.attachment) },
    presence: { ...common, PRESENCE_GRPC_HOST: '127.0.0.1', PRESENCE_GRPC_PORT: String(ports.presence), SESSION_SERVICE_ADDR: addr(ports.session) },
    attachment: {
      ...common,
      ATTACHMENT_GRPC_HOST: '127.0.0.1',
      ATTACHMENT_GRPC_PORT: String(ports.attachment),
      SESSION_SERVICE_ADDR: addr(ports.session),
      ATTACHMENT_STORE: 'disk',
      ATTACHMENT_DISK_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'parley-startup-')),
      ATTACHMENT_LINK_SECRET: `startup-${randomBytes(12).toString('hex')}`,
    },
  };
  const rows: string[][] = [['process', 'median', 'fastest', 'slowest']];
  const running: Running[] = [];
  try {
    for (const service of ['session', 'message', 'presence', 'attachment'] as const) {
      const { times, last } = await timeRuns(service, envs[service], grpcReady(ports[service]));
      running.push(last);
      rows.push(summary(`${service} (SERVING)`, times));
    }
    const gatewayEnv = {
      ...common,
      JWT_SECRET: TEST_JWT_SECRET,
      HOST: '127.0.0.1',
      PORT: String(ports.gateway),
      GATEWAY_ID: `startup-${randomBytes(3).toString('hex')}`,
      SESSION_SERVICE_ADDR: addr(ports.session),
      MESSAGE_SERVICE_ADDR: addr(ports.message),
      PRESENCE_SERVICE_ADDR: addr(ports.presence),
      ATTACHMENT_SERVICE_ADDR: addr(ports.attachment),
    };
    const gateway = await timeRuns('gateway', gatewayEnv, httpReady(ports.gateway));
    running.push(gateway.last);
    rows.push(summary('gateway (/readyz)', gateway.times));
    for (const started of running.splice(0).reverse()) await started.stop();

    const allInOneEnv = { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, HOST: '127.0.0.1', PORT: String(ports.allInOne), LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    const allInOne = await timeRuns('all-in-one', allInOneEnv, httpReady(ports.allInOne));
    await allInOne.last.stop();
    rows.push(summary('all-in-one (/readyz)', allInOne.times));
  } finally {
    for (const started of running.reverse()) await started.stop();
    await db.drop();
    await deleteParleyBrokerObjects(AMQP_URL, exchange);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log(`\nstart-up, ${RUNS} runs each, ${FROM_SOURCES ? 'from sources (tsx)' : 'bundles'} (${serviceEntry('<service>')}); ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}, Node ${process.version}`);
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  console.log(`logs in ${path.relative(REPO_ROOT, LOG_DIR)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
