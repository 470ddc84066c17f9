import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as amqplib from 'amqplib';
import { freePort } from '@parley/db';
import { killGroup, liveGroups, sleep } from './processes';

/**
 * A RabbitMQ node of the test's own that it may stop and start again, on the same ports and data,
 * without touching the machine's broker others use: its own node name, AMQP and distribution ports,
 * and every folder (data, logs, configuration, Erlang cookie) under one temporary folder. No plugins.
 * The node registers its name with the machine's epmd, as every Erlang node does.
 */
export interface DedicatedRabbitMq {
  /** The node's AMQP URL (user guest, which RabbitMQ lets in from loopback only). */
  amqpUrl: string;
  /** Stops the node (as an operator's stop does: connections are closed) and waits until it is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same ports and data, and waits until it takes AMQP connections. */
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  destroy(): Promise<void>;
}

/** Debian's package puts the real start script there (`/usr/sbin/rabbitmq-server` switches user and logs under /var/log). */
const SERVER_SCRIPTS = ['/usr/lib/rabbitmq/bin/rabbitmq-server', '/usr/lib/rabbitmq/sbin/rabbitmq-server'];
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

function serverScript(): string {
  const found = SERVER_SCRIPTS.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`RabbitMQ's server script was not found (${SERVER_SCRIPTS.join(', ')}): install Debian's rabbitmq-server`);
  return found;
}

async function acceptsAmqp(url: string): Promise<boolean> {
  try {
    const connection = await amqplib.connect(url, { timeout: 2000 });
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

export async function startDedicatedRabbitMq(): Promise<DedicatedRabbitMq> {
  const script = serverScript();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-faults-rabbitmq-'));
  const [amqpPort, distPort] = [await freePort(), await freePort()];
  const nodeName = `parley-faults-${path.basename(dir).split('-').pop()}@localhost`;
  for (const folder of ['mnesia', 'log']) fs.mkdirSync(path.join(dir, folder));
  fs.writeFileSync(path.join(dir, 'rabbitmq.conf'), `listeners.tcp.default = 127.0.0.1:${amqpPort}\n`);
  fs.writeFileSync(path.join(dir, 'enabled_plugins'), '[].\n');
  // An empty env file of its own: the machine's /etc/rabbitmq/rabbitmq-env.conf names the machine's node.
  fs.writeFileSync(path.join(dir, 'rabbitmq-env.conf'), '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir,
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_CONF_ENV_FILE: path.join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: path.join(dir, 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    ERL_EPMD_ADDRESS: '127.0.0.1',
  };
  const amqpUrl = `amqp://guest:guest@127.0.0.1:${amqpPort}`;
  const logPath = path.join(dir, 'server.log');
  let server: { child: ChildProcess; exited: Promise<void> } | null = null;

  async function start(): Promise<void> {
    if (server) return;
    const out = fs.openSync(logPath, 'a');
    // Its own process group: the script runs the Erlang VM as its child, and a leftover must be killable.
    const child = spawn(script, [], { env, cwd: dir, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    if (child.pid) liveGroups.add(child.pid);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    server = { child, exited };
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await acceptsAmqp(amqpUrl))) {
      const tail = () => fs.readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
      if (child.exitCode !== null) throw new Error(`RabbitMQ node ${nodeName} exited with ${child.exitCode}:\n${tail()}`);
      if (Date.now() > deadline) throw new Error(`RabbitMQ node ${nodeName} did not take connections within ${START_TIMEOUT_MS / 1000} s:\n${tail()}`);
      await sleep(250);
    }
  }

  async function stop(): Promise<void> {
    const running = server;
    if (!running) return;
    server = null;
    const pid = running.child.pid;
    // SIGTERM to the script: it stops the node properly (connections closed, data kept) and exits.
    running.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running.exited, new Promise((resolve) => (timer = setTimeout(resolve, STOP_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (pid) await killGroup(pid);
  }

  await start();
  return {
    amqpUrl,
    stop,
    start,
    async destroy() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
