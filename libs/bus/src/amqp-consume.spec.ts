import { Writable } from 'node:stream';
import * as amqplib from 'amqplib';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import pino from 'pino';
import { eventually } from '@parley/testing';
import { collector, eventOn } from './testing/collector';
import { RABBIT_URL, RabbitFixture } from './testing/rabbit-fixture';

jest.setTimeout(20_000);

/** AmqpBus's consuming side on the machine's RabbitMQ: acks, retries and reconnects. */
describe('AmqpBus consuming', () => {
  let admin: amqplib.ChannelModel;
  let adminChannel: amqplib.Channel;
  let rabbit: RabbitFixture;
  beforeAll(async () => {
    admin = await amqplib.connect(RABBIT_URL);
    adminChannel = await admin.createChannel();
  });
  afterAll(() => admin.close());
  beforeEach(() => {
    rabbit = new RabbitFixture(adminChannel);
  });
  afterEach(() => rabbit.close());

  it('acks while it consumes, in bulk, so a small prefetch never stalls and nothing handled comes back', async () => {
    const queue = rabbit.queue('burst', true);
    const bus = rabbit.newBus({ prefetch: 10 });
    await bus.waitForConnect();
    const got = collector();
    await bus.subscribe({ queue, exclusive: false, patterns: ['burst.#'] }, async (e) => {
      // Handlers finish out of order; the acks still cover only runs of finished ones.
      if (Number(e.routing_key.split('.')[1]) % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      got.handler(e);
    });
    // With 10 unacked deliveries at most, 300 arrive only if the acks flow while consuming.
    await rabbit.newBus().publishMany(Array.from({ length: 300 }, (_, i) => eventOn(`burst.${i}`)));
    await got.waitFor(300);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The connection goes without the subscription's close (as in a crash): the broker requeues
    // whatever was delivered and not acked.
    await bus.close();
    expect((await adminChannel.checkQueue(queue)).messageCount).toBe(0);
  });

  it('leaves a failed event to the broker when its channel goes before the retry: handled again once, not twice', async () => {
    const bus = await rabbit.connect();
    const queue = rabbit.queue('retry-reconnect', true);
    let attempts = 0;
    const handled = collector();
    const sub = await bus.subscribe({ queue, exclusive: false, patterns: ['job.#'], retryFailed: true, retryDelayMs: 500 }, async (e) => {
      if (++attempts === 1) throw new Error('database unavailable');
      handled.handler(e);
    });
    const reestablished = new Promise<void>((resolve) => sub.onReestablished(resolve));
    const job = eventOn('job.1');
    await bus.publish(job);
    await eventually(async () => expect(attempts).toBe(1));
    (bus as unknown as { connection: AmqpConnectionManager }).connection.reconnect();
    await reestablished;
    // The broker hands the unacked delivery to the new channel; the old channel's retry is dropped.
    expect((await handled.waitFor(1)).map((e) => e.id)).toEqual([job.id]);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(attempts).toBe(2);
  });

  it('acks on the channel that delivered: a handler still running across a reconnect does not break the new channel', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()) });
    const bus = rabbit.newBus({ logger: pino({ level: 'warn' }, sink) });
    const got = collector();
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const sub = await bus.subscribe({ queue: rabbit.queue('gw'), exclusive: true, patterns: ['#'] }, async (e) => {
      got.handler(e);
      if (e.routing_key === 'slow') await slow;
    });
    let reestablished = 0;
    sub.onReestablished(() => reestablished++);

    await bus.publish(eventOn('slow'));
    await got.waitFor(1);
    (bus as unknown as { connection: AmqpConnectionManager }).connection.reconnect();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not reestablished')), 5000);
      sub.onReestablished(() => (clearTimeout(timer), resolve()));
    });
    release(); // the old message's ack now happens on the new connection's watch
    await new Promise((resolve) => setTimeout(resolve, 300));
    await bus.publish(eventOn('after'));
    await got.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    expect(got.keys()).toEqual(['slow', 'after']);
    expect(lines.filter((line) => line.includes('disconnected from RabbitMQ'))).toHaveLength(1);
    expect(reestablished).toBe(1);
  });
});
