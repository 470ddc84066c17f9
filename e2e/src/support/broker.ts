import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { acceptsConnections } from './stack';

const run = promisify(execFile);
const AMQP_PORT = Number(process.env.E2E_AMQP_PORT ?? 5672);

async function rabbitmqctl(...args: string[]): Promise<void> {
  await run('rabbitmqctl', args, { timeout: 60_000 });
}

/** Stops the RabbitMQ application (the Erlang node stays up) and waits until the port refuses connections. */
export async function stopBroker(): Promise<void> {
  await rabbitmqctl('stop_app');
  const deadline = Date.now() + 10_000;
  while (await acceptsConnections(AMQP_PORT)) {
    if (Date.now() > deadline) throw new Error('RabbitMQ still accepts connections after stop_app');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the RabbitMQ application and waits until it has started and accepts AMQP connections again. */
export async function startBroker(): Promise<void> {
  await rabbitmqctl('start_app');
  await rabbitmqctl('await_startup', '--timeout', '60').catch(() => undefined);
  const deadline = Date.now() + 60_000;
  while (!(await acceptsConnections(AMQP_PORT))) {
    if (Date.now() > deadline) throw new Error('RabbitMQ does not accept connections after start_app');
    await new Promise((r) => setTimeout(r, 200));
  }
}
