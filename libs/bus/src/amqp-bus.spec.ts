import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import * as amqplib from 'amqplib';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import pino from 'pino';
import type { EventEnvelope, EventPayloads } from '@parley/contracts';
import { AmqpBus, traitFilterExchange } from './amqp-bus';
import type { EventHandler } from './event-bus';

jest.setTimeout(20_000);

const url = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const logger = pino({ level: 'silent' });

function event(routingKey: string): EventEnvelope {
  const data = {} as EventPayloads['session.created'];
  return { id: randomUUID(), type: 'session.created', routing_key: routingKey, occurred_at: new Date().toISOString(), data };
}

/** A message.created, with or without a file. */
function messageEvent(routingKey: string, withFile: boolean): EventEnvelope {
  const message = { id: randomUUID(), attachments: withFile ? [{ id: randomUUID() }] : [] } as unknown as EventPayloads['message.created']['message'];
  return { id: randomUUID(), type: 'message.created', routing_key: routingKey, occurred_at: new Date().toISOString(), data: { message } };
}

/** Records events; waitFor(n) resolves once n have arrived, or rejects after a timeout. */
function collector(): { events: EventEnvelope[]; keys: () => string[]; handler: EventHandler; waitFor: (n: number, ms?: number) => Promise<EventEnvelope[]> } {
  const events: EventEnvelope[] = [];
  const waiters: Array<() => void> = [];
  return {
    events,
    keys: () => events.map((e) => e.routing_key),
    handler: (e) => {
      events.push(e);
      waiters.forEach((wake) => wake());
    },
    waitFor: (n, ms = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (events.length < n) return;
          clearTimeout(timer);
          resolve([...events]);
        };
        const timer = setTimeout(() => reject(new Error(`got ${events.length} of ${n} events: ${events.map((e) => e.routing_key).join(', ')}`)), ms);
        waiters.push(check);
        check();
      }),
  };
}

describe('AmqpBus', () => {
  const suffix = randomBytes(4).toString('hex');
  let admin: amqplib.ChannelModel;
  let adminChannel: amqplib.Channel;
  let exchange: string;
  let n = 0;
  const name = (what: string) => `test.bus.${suffix}.${n}.${what}`;
  const buses: AmqpBus[] = [];
  const sharedQueues: string[] = [];
  const newBus = (options: Partial<ConstructorParameters<typeof AmqpBus>[0]> = {}) => {
    const bus = new AmqpBus({ url, exchange, logger, ...options });
    buses.push(bus);
    return bus;
  };

  beforeAll(async () => {
    admin = await amqplib.connect(url);
    adminChannel = await admin.createChannel();
  });
  beforeEach(() => {
    n++;
    exchange = name('events');
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    for (const queue of sharedQueues.splice(0)) {
      await adminChannel.deleteQueue(queue);
      await adminChannel.deleteExchange(traitFilterExchange(queue));
    }
    await adminChannel.deleteExchange(exchange);
  });
  afterAll(() => admin.close());

  it('resolves publish once the broker has the event, and a matching subscriber receives it', async () => {
    const bus = newBus();
    const got = collector();
    await bus.subscribe({ queue: name('gw'), exclusive: true, patterns: ['session.s1.#'] }, got.handler);
    // A queue without a consumer: after a confirmed publish the message is already in it.
    const probe = name('probe');
    await adminChannel.assertQueue(probe, { exclusive: true });
    await adminChannel.bindQueue(probe, exchange, 'session.s1.#');

    const sent = event('session.s1.message.created');
    await expect(bus.publish(sent)).resolves.toBeUndefined();
    const held = await adminChannel.get(probe, { noAck: true });
    expect(held && JSON.parse(held.content.toString())).toEqual(sent);
    expect(held && held.properties.messageId).toBe(sent.id);

    expect(await got.waitFor(1)).toEqual([sent]);
  });

  it('rejects a publish it cannot get confirmed within publishTimeoutMs', async () => {
    const bus = newBus({ url: 'amqp://guest:guest@127.0.0.1:1', publishTimeoutMs: 300 });
    await expect(bus.publish(event('lost.event'))).rejects.toThrow(/timeout/);
    expect(bus.isConnected()).toBe(false);
  });

  it('changes what arrives when patterns are bound and unbound at runtime', async () => {
    const bus = newBus();
    const got = collector();
    const sub = await bus.subscribe({ queue: name('gw'), exclusive: true, patterns: ['marker.#'] }, got.handler);
    await bus.publish(event('session.s1.before-bind'));
    await sub.bind('session.s1.#');
    await bus.publish(event('session.s1.bound'));
    await bus.publish(event('session.s2.other'));
    await sub.unbind('session.s1.#');
    await bus.publish(event('session.s1.after-unbind'));
    await bus.publish(event('marker.end'));
    // Events of one publisher reach a queue in order: once the marker is here, nothing else comes.
    await got.waitFor(2);
    expect(got.keys()).toEqual(['session.s1.bound', 'marker.end']);
  });

  it('resolves a second bind of a pattern only once the first has reached the broker', async () => {
    const bus = newBus();
    const got = collector();
    const sub = await bus.subscribe({ queue: name('gw'), exclusive: true }, got.handler);
    // Two sockets joining one session at once: the second must not read history before the binding holds.
    const resolved: string[] = [];
    await Promise.all([sub.bind('session.s1.#').then(() => resolved.push('first')), sub.bind('session.s1.#').then(() => resolved.push('second'))]);
    expect(resolved).toEqual(['first', 'second']);
    await bus.publish(event('session.s1.bound'));
    expect((await got.waitFor(1)).map((e) => e.routing_key)).toEqual(['session.s1.bound']);
  });

  it('gives each gateway (its own bus and exclusive queue) its own copy', async () => {
    const publisher = newBus();
    const [gw1, gw2] = [collector(), collector()];
    await newBus().subscribe({ queue: name('gw1'), exclusive: true, patterns: ['session.s1.#'] }, gw1.handler);
    await newBus().subscribe({ queue: name('gw2'), exclusive: true, patterns: ['session.*.message.created'] }, gw2.handler);
    const sent = event('session.s1.message.created');
    await publisher.publish(sent);
    expect(await gw1.waitFor(1)).toEqual([sent]);
    expect(await gw2.waitFor(1)).toEqual([sent]);
  });

  it('shares a non-exclusive queue between competing consumers, each event to one of them', async () => {
    const queue = name('work');
    sharedQueues.push(queue);
    const [a, b] = [collector(), collector()];
    await newBus().subscribe({ queue, exclusive: false, patterns: ['jobs.#'] }, a.handler);
    await newBus().subscribe({ queue, exclusive: false, patterns: ['jobs.#'] }, b.handler);
    const publisher = newBus();
    const sent = Array.from({ length: 10 }, (_, i) => event(`jobs.${i}`));
    await Promise.all(sent.map((e) => publisher.publish(e)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`got ${a.events.length + b.events.length} of 10`)), 5000);
      const poll = setInterval(() => {
        if (a.events.length + b.events.length < 10) return;
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }, 20);
    });
    const ids = [...a.events, ...b.events].map((e) => e.id).sort();
    expect(ids).toEqual(sent.map((e) => e.id).sort());
    expect(a.events.length).toBeGreaterThan(0);
    expect(b.events.length).toBeGreaterThan(0);
  });

  it('lets the broker drop the events without the traits a queue asks for, also when its patterns are bound at runtime', async () => {
    const queue = name('files');
    sharedQueues.push(queue);
    const bus = newBus();
    const got = collector();
    const sub = await bus.subscribe({ queue, exclusive: false, withTraits: ['has_attachments'] }, got.handler);
    await sub.bind('session.*.message.created');
    const sent = [messageEvent('session.s1.message.created', false), messageEvent('session.s1.message.created', true), messageEvent('session.s2.message.created', false), messageEvent('session.s2.message.created', true)];
    for (const e of sent) await bus.publish(e);
    // Events of one publisher reach a queue in order: the last one here means the others were dropped.
    await got.waitFor(2);
    expect(got.events.map((e) => e.id)).toEqual([sent[1].id, sent[3].id]);
    await sub.unbind('session.*.message.created');
    await bus.publish(messageEvent('session.s3.message.created', true));
    await sub.bind('session.s4.#');
    const last = messageEvent('session.s4.message.created', true);
    await bus.publish(last);
    await got.waitFor(3);
    expect(got.events.map((e) => e.id)).toEqual([sent[1].id, sent[3].id, last.id]);
  });

  it('filters a queue that was bound straight to the exchange before it asked for traits (an upgrade)', async () => {
    const queue = name('files-before');
    sharedQueues.push(queue);
    await adminChannel.assertExchange(exchange, 'topic', { durable: true });
    await adminChannel.assertQueue(queue, { durable: true });
    await adminChannel.bindQueue(queue, exchange, 'session.*.message.created');
    const bus = newBus();
    const got = collector();
    await bus.subscribe({ queue, exclusive: false, patterns: ['session.*.message.created'], withTraits: ['has_attachments'] }, got.handler);
    const sent = [messageEvent('session.s1.message.created', false), messageEvent('session.s1.message.created', true)];
    for (const e of sent) await bus.publish(e);
    await got.waitFor(1);
    expect(got.events.map((e) => e.id)).toEqual([sent[1].id]);
  });

  it('does not deliver an event published to a key nobody binds', async () => {
    const bus = newBus();
    const got = collector();
    await bus.subscribe({ queue: name('gw'), exclusive: true, patterns: ['session.s1.#', 'marker'] }, got.handler);
    await bus.publish(event('session.s2.message.created'));
    await bus.publish(event('session'));
    await bus.publish(event('marker'));
    await got.waitFor(1);
    expect(got.keys()).toEqual(['marker']);
  });

  it('refuses an exclusive queue another consumer holds, in this process or another, without crashing', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const queue = name('gw');
      const owner = newBus();
      const sub = await owner.subscribe({ queue, exclusive: true, patterns: ['#'] }, () => undefined);
      await expect(owner.subscribe({ queue, exclusive: true }, () => undefined)).rejects.toThrow(/exclusive/);
      await expect(newBus().subscribe({ queue, exclusive: true }, () => undefined)).rejects.toThrow(/RESOURCE.LOCKED/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
      // Once the owner lets go, the name is free again.
      await sub.close();
      const again = collector();
      await newBus().subscribe({ queue, exclusive: true, patterns: ['x'] }, again.handler);
      await owner.publish(event('x'));
      await again.waitFor(1);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('reports isConnected(), and refuses to publish once closed', async () => {
    const bus = newBus();
    expect(bus.isConnected()).toBe(false);
    await bus.waitForConnect();
    expect(bus.isConnected()).toBe(true);
    await bus.close();
    expect(bus.isConnected()).toBe(false);
    await expect(bus.publish(event('after.close'))).rejects.toThrow(/closed/);
  });

  it('acks on the channel that delivered: a handler still running across a reconnect does not break the new channel', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()) });
    const bus = newBus({ logger: pino({ level: 'warn' }, sink) });
    const got = collector();
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const sub = await bus.subscribe({ queue: name('gw'), exclusive: true, patterns: ['#'] }, async (e) => {
      got.handler(e);
      if (e.routing_key === 'slow') await slow;
    });
    let reestablished = 0;
    sub.onReestablished(() => reestablished++);

    await bus.publish(event('slow'));
    await got.waitFor(1);
    (bus as unknown as { connection: AmqpConnectionManager }).connection.reconnect();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not reestablished')), 5000);
      sub.onReestablished(() => (clearTimeout(timer), resolve()));
    });
    release(); // the old message's ack now happens on the new connection's watch
    await new Promise((resolve) => setTimeout(resolve, 300));
    await bus.publish(event('after'));
    await got.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    expect(got.keys()).toEqual(['slow', 'after']);
    expect(lines.filter((line) => line.includes('disconnected from RabbitMQ'))).toHaveLength(1);
    expect(reestablished).toBe(1);
  });
  it('hands an event whose handler failed back for another try when asked to', async () => {
    const bus = newBus();
    const queue = name('retry');
    sharedQueues.push(queue);
    let attempts = 0;
    const done = collector();
    await bus.subscribe({ queue, exclusive: false, patterns: ['retry.#'], retryFailed: true, retryDelayMs: 50 }, async (e) => {
      if (++attempts < 3) throw new Error('database unavailable');
      done.handler(e);
    });
    const sent = event('retry.me');
    await bus.publish(sent);
    expect((await done.waitFor(1)).map((e) => e.id)).toEqual([sent.id]);
    expect(attempts).toBe(3);
  });
});
