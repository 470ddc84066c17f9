import { randomBytes } from 'node:crypto';
import type * as amqplib from 'amqplib';
import pino from 'pino';
import { testSettings } from '@parley/config';
import { AmqpBus, traitFilterExchange } from '../amqp-bus';

/** The machine's RabbitMQ (TEST_AMQP_URL to use another). */
export const RABBIT_URL = testSettings().TEST_AMQP_URL;
const logger = pino({ level: 'silent' });
const suffix = randomBytes(4).toString('hex');
let n = 0;

/** The machine's RabbitMQ with an exchange and queues of this test's own, removed after it. */
export class RabbitFixture {
  readonly prefix = `test.bus.${suffix}.${++n}`;
  readonly exchange = `${this.prefix}.events`;
  private readonly buses: AmqpBus[] = [];
  private readonly shared: string[] = [];

  constructor(private readonly admin: amqplib.Channel) {}

  newBus(options: Partial<ConstructorParameters<typeof AmqpBus>[0]> = {}): AmqpBus {
    const bus = new AmqpBus({ url: RABBIT_URL, exchange: this.exchange, logger, ...options });
    this.buses.push(bus);
    return bus;
  }

  async connect(): Promise<AmqpBus> {
    const bus = this.newBus();
    await bus.waitForConnect();
    return bus;
  }

  queue(what: string, shared = false): string {
    const name = `${this.prefix}.${what}`;
    if (shared) this.shared.push(name);
    return name;
  }

  async close(): Promise<void> {
    await Promise.all(this.buses.splice(0).map((bus) => bus.close()));
    for (const queue of this.shared.splice(0)) {
      await this.admin.deleteQueue(queue);
      await this.admin.deleteExchange(traitFilterExchange(queue));
    }
    await this.admin.deleteExchange(this.exchange);
  }
}
