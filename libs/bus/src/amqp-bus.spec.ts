import * as amqplib from 'amqplib';
import { renderMetrics } from '@parley/metrics';
import { eventually } from '@parley/testing';
import { ENVELOPE_TYPE, unpackEnvelope } from './amqp-envelope';
import { behavesAsEventBus } from './event-bus.behaviour';
import { collector, eventOn, messageEventOn } from './testing/collector';
import { RABBIT_URL, RabbitFixture } from './testing/rabbit-fixture';

jest.setTimeout(20_000);

describe('AmqpBus', () => {
  let admin: amqplib.ChannelModel;
  let adminChannel: amqplib.Channel;
  beforeAll(async () => {
    admin = await amqplib.connect(RABBIT_URL);
    adminChannel = await admin.createChannel();
  });
  afterAll(() => admin.close());

  describe('as an EventBus', () => {
    behavesAsEventBus(async () => new RabbitFixture(adminChannel));
  });

  describe('on RabbitMQ', () => {
    let rabbit: RabbitFixture;
    beforeEach(() => {
      rabbit = new RabbitFixture(adminChannel);
    });
    afterEach(() => rabbit.close());

    /** A queue without a consumer, bound to the test's exchange: what a confirmed publish put there is already in it. */
    async function probe(pattern: string): Promise<string> {
      const queue = rabbit.queue('probe');
      await adminChannel.assertExchange(rabbit.exchange, 'topic', { durable: true });
      await adminChannel.assertQueue(queue, { exclusive: true });
      await adminChannel.bindQueue(queue, rabbit.exchange, pattern);
      return queue;
    }

    /** Everything a probe queue holds now, one AMQP message each. */
    async function drain(queue: string): Promise<amqplib.GetMessage[]> {
      const held: amqplib.GetMessage[] = [];
      for (let message = await adminChannel.get(queue, { noAck: true }); message; message = await adminChannel.get(queue, { noAck: true })) held.push(message);
      return held;
    }
    const eventsIn = (messages: amqplib.GetMessage[]) => messages.flatMap((m) => (m.properties.type === ENVELOPE_TYPE ? unpackEnvelope(m.content, () => true).events : [JSON.parse(m.content.toString())]));

    it('resolves publishMany once the broker holds every event of the batch, persistent, in order, in one envelope', async () => {
      const bus = await rabbit.connect();
      const queue = await probe('session.s1.#');
      const sent = Array.from({ length: 30 }, (_, i) => eventOn(`session.s1.message.${i}`));
      await bus.publishMany(sent);
      const held = await drain(queue);
      expect(held).toHaveLength(1);
      expect(eventsIn(held)).toEqual(sent);
      expect(held[0].properties.deliveryMode).toBe(2);
    });

    it('puts an envelope once into each queue any of its events reaches, and each consumer gets only the events it binds', async () => {
      const [publisher, gatewayA, gatewayB] = [await rabbit.connect(), await rabbit.connect(), await rabbit.connect()];
      const [a, b] = [collector(), collector()];
      await gatewayA.subscribe({ queue: rabbit.queue('gw-a'), exclusive: true, patterns: ['session.s1.#', 'session.s3.#'] }, a.handler);
      const subB = await gatewayB.subscribe({ queue: rabbit.queue('gw-b'), exclusive: true, patterns: ['session.s2.#'] }, b.handler);
      const probeA = await probe('session.s1.#');
      await adminChannel.bindQueue(probeA, rabbit.exchange, 'session.s3.#');
      const sent = ['s1', 's2', 's3', 's1', 's4', 's3'].map((id, i) => eventOn(`session.${id}.message.${i}`));
      await publisher.publishMany(sent);
      expect((await a.waitFor(4)).map((e) => e.id)).toEqual([sent[0], sent[2], sent[3], sent[5]].map((e) => e.id));
      expect((await b.waitFor(1)).map((e) => e.id)).toEqual([sent[1].id]);
      // The probe bound to two of the sessions holds the batch once, as one message.
      expect(await drain(probeA)).toHaveLength(1);

      // A pattern unbound is no longer handed over, though the envelope still reaches the queue for another.
      await subB.bind('session.s5.#');
      await subB.unbind('session.s2.#');
      const later = [eventOn('session.s2.message.late'), eventOn('session.s5.message.late')];
      await publisher.publishMany(later);
      await b.waitFor(2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(b.events.map((e) => e.id)).toEqual([sent[1].id, later[1].id]);
    });

    it('rejects publish and publishMany it cannot get confirmed within publishTimeoutMs', async () => {
      const bus = rabbit.newBus({ url: 'amqp://guest:guest@127.0.0.1:1', publishTimeoutMs: 300 });
      await expect(bus.publish(eventOn('lost.event'))).rejects.toThrow(/timeout/);
      await expect(bus.publishMany([eventOn('lost.1'), eventOn('lost.2')])).rejects.toThrow(/timeout/);
      expect(bus.isConnected()).toBe(false);
    });

    it('sends transient events non-persistent, and drops and counts them while not connected', async () => {
      const count = async (result: string) => Number((await renderMetrics()).match(new RegExp(`parley_bus_published_total\\{result="${result}"\\} (\\d+)`))?.[1] ?? 0);
      const bus = await rabbit.connect();
      const queue = await probe('session.s1.#');
      const typing = eventOn('session.s1.typing.started');
      bus.publishTransient([typing]);
      // The two go over different channels, which the broker does not order against each other.
      await bus.publish(eventOn('session.s1.marker'));
      const held: amqplib.GetMessage[] = [];
      await eventually(async () => {
        const message = await adminChannel.get(queue, { noAck: true });
        if (message) held.push(message);
        expect(held).toHaveLength(2);
      });
      const transient = held.find((m) => m.properties.messageId === typing.id);
      expect(transient && JSON.parse(transient.content.toString())).toEqual(typing);
      expect(transient?.properties.deliveryMode).not.toBe(2);

      const dropped = await count('dropped');
      const unreachable = rabbit.newBus({ url: 'amqp://guest:guest@127.0.0.1:1' });
      expect(() => unreachable.publishTransient([eventOn('session.s1.typing.started'), eventOn('session.s1.typing.stopped')])).not.toThrow();
      // The events of a turn leave together when it ends.
      await new Promise((resolve) => setImmediate(resolve));
      expect(await count('dropped')).toBe(dropped + 2);
    });

    it('sends the transient events of one turn together, in one envelope', async () => {
      const bus = await rabbit.connect();
      const queue = await probe('session.*.typing.*');
      const typing = [eventOn('session.s1.typing.started'), eventOn('session.s2.typing.started')];
      bus.publishTransient([typing[0]]);
      bus.publishTransient([typing[1]]);
      const held: amqplib.GetMessage[] = [];
      await eventually(async () => {
        held.push(...(await drain(queue)));
        expect(held).toHaveLength(1);
        expect(held[0].properties.deliveryMode).not.toBe(2);
        expect(eventsIn(held)).toEqual(typing);
      });
    });

    it('resolves a second bind of a pattern only once the first has reached the broker', async () => {
      const bus = await rabbit.connect();
      const got = collector();
      const sub = await bus.subscribe({ queue: rabbit.queue('gw'), exclusive: true }, got.handler);
      // Two sockets joining one session at once: the second must not read history before the binding holds.
      const resolved: string[] = [];
      await Promise.all([sub.bind('session.s1.#').then(() => resolved.push('first')), sub.bind('session.s1.#').then(() => resolved.push('second'))]);
      expect(resolved).toEqual(['first', 'second']);
      await bus.publish(eventOn('session.s1.bound'));
      expect((await got.waitFor(1)).map((e) => e.routing_key)).toEqual(['session.s1.bound']);
    });

    it('filters a queue that was bound straight to the exchange before it asked for traits (an upgrade)', async () => {
      const queue = rabbit.queue('files-before', true);
      await adminChannel.assertExchange(rabbit.exchange, 'topic', { durable: true });
      await adminChannel.assertQueue(queue, { durable: true });
      await adminChannel.bindQueue(queue, rabbit.exchange, 'session.*.message.created');
      const bus = await rabbit.connect();
      const got = collector();
      await bus.subscribe({ queue, exclusive: false, patterns: ['session.*.message.created'], withTraits: ['has_attachments'] }, got.handler);
      const sent = [messageEventOn('session.s1.message.created', false), messageEventOn('session.s1.message.created', true)];
      await bus.publishMany(sent);
      await got.waitFor(1);
      expect(got.events.map((e) => e.id)).toEqual([sent[1].id]);
    });

    it('refuses an exclusive queue another connection holds, without crashing', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        const queue = rabbit.queue('gw');
        const owner = await rabbit.connect();
        const sub = await owner.subscribe({ queue, exclusive: true, patterns: ['#'] }, () => undefined);
        await expect((await rabbit.connect()).subscribe({ queue, exclusive: true }, () => undefined)).rejects.toThrow(/RESOURCE.LOCKED/);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(unhandled).toEqual([]);
        await sub.close();
        const again = collector();
        await (await rabbit.connect()).subscribe({ queue, exclusive: true, patterns: ['x'] }, again.handler);
        await owner.publish(eventOn('x'));
        await again.waitFor(1);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });

    it('reports isConnected(), and refuses to publish once closed', async () => {
      const bus = rabbit.newBus();
      expect(bus.isConnected()).toBe(false);
      await bus.waitForConnect();
      expect(bus.isConnected()).toBe(true);
      await bus.close();
      expect(bus.isConnected()).toBe(false);
      await expect(bus.publish(eventOn('after.close'))).rejects.toThrow(/closed/);
    });

  });
});
