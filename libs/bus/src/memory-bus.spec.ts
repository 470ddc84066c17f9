import { Writable } from 'node:stream';
import pino from 'pino';
import { NaturalBatcher, succeeded } from '@parley/batching';
import { renderMetrics } from '@parley/metrics';
import { behavesAsEventBus } from './event-bus.behaviour';
import { MemoryBus } from './memory-bus';
import { collector, eventOn } from './testing/collector';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Lets every delivery scheduled so far (soon, three turns later, then the handlers' promises) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await turn();
}

describe('MemoryBus', () => {
  describe('as an EventBus', () => {
    behavesAsEventBus(async () => {
      const bus = new MemoryBus(pino({ level: 'silent' }));
      return { connect: async () => bus, queue: (what) => what, close: () => bus.close() };
    });
  });

  describe('in process', () => {
    let bus: MemoryBus;
    let logLines: string[];

    beforeEach(() => {
      logLines = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString());
          done();
        },
      });
      bus = new MemoryBus(pino({ level: 'error' }, sink));
    });
    afterEach(() => bus.close());

    it('round-robins a shared queue between its consumers, in the order they subscribed', async () => {
      const [a, b] = [collector(), collector()];
      await bus.subscribe({ queue: 'work', exclusive: false, patterns: ['jobs.#'] }, a.handler);
      await bus.subscribe({ queue: 'work', exclusive: false }, b.handler);
      await bus.publishMany(Array.from({ length: 6 }, (_, i) => eventOn(`jobs.${i}`)));
      await settle();
      expect(a.keys()).toEqual(['jobs.0', 'jobs.2', 'jobs.4']);
      expect(b.keys()).toEqual(['jobs.1', 'jobs.3', 'jobs.5']);
    });

    it('refuses an exclusive claim on a shared queue, and a shared claim on an exclusive one', async () => {
      await bus.subscribe({ queue: 'gw-1', exclusive: true, patterns: ['#'] }, () => undefined);
      await expect(bus.subscribe({ queue: 'gw-1', exclusive: false }, () => undefined)).rejects.toThrow(/exclusive/);
      await bus.subscribe({ queue: 'shared', exclusive: false }, () => undefined);
      await expect(bus.subscribe({ queue: 'shared', exclusive: true }, () => undefined)).rejects.toThrow(/exclusive/);
    });

    it('hands a published event out as soon as the publisher yields, a transient one three turns later', async () => {
      const heard: string[] = [];
      await bus.subscribe({ queue: 'gw', exclusive: true, patterns: ['#'] }, (event) => void heard.push(event.routing_key));
      await bus.publish(eventOn('message.1'));
      heard.push('publisher resumed');
      bus.publishTransient([eventOn('typing.1')]);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      expect(heard).toEqual(['message.1', 'publisher resumed']);
      for (let i = 0; i < 2; i++) await turn();
      expect(heard).toEqual(['message.1', 'publisher resumed']);
      await turn();
      expect(heard).toEqual(['message.1', 'publisher resumed', 'typing.1']);
      // A durable publish after a transient one hands both out, in the order they were published.
      bus.publishTransient([eventOn('typing.2')]);
      await bus.publish(eventOn('message.2'));
      expect(heard.slice(3)).toEqual(['typing.2', 'message.2']);
      await settle();
      expect(heard).toHaveLength(5);
    });

    it("leaves a typing signal's delivery behind the statement of a send read with it (the all-in-one's path)", async () => {
      const log: string[] = [];
      await bus.subscribe({ queue: 'gateway', exclusive: true, patterns: ['#'] }, (event) => void log.push(`delivered ${event.routing_key}`));
      // The gateway's send batch starts the message service's batch, which runs the statement.
      const statements = new NaturalBatcher<string, void>({
        run: async (items) => (log.push(`statement ${items.join(', ')}`), items.map(() => succeeded(undefined))),
      });
      const gatewaySends = new NaturalBatcher<string, void>({
        run: async (items) => {
          log.push(`gateway batch ${items.join(', ')}`);
          await Promise.all(items.map((item) => statements.submit(item)));
          return items.map(() => succeeded(undefined));
        },
      });
      // A client's `typing` and `send_message`, read together; another typist's later in the turn.
      bus.publishTransient([eventOn('typing.ana')]);
      const sent = gatewaySends.submit('hello');
      bus.publishTransient([eventOn('typing.bo')]);
      await sent;
      await settle();
      expect(log).toEqual(['gateway batch hello', 'statement hello', 'delivered typing.ana', 'delivered typing.bo']);
    });

    it('delivers nothing published before the bus or the subscription closed and not yet handed out', async () => {
      const [gw, other] = [collector(), collector()];
      const sub = await bus.subscribe({ queue: 'gw', exclusive: true, patterns: ['#'] }, gw.handler);
      await bus.subscribe({ queue: 'other', exclusive: true, patterns: ['#'] }, other.handler);
      // Closed before the publisher yielded: nothing was handed out yet.
      void bus.publish(eventOn('before.subscription.close'));
      bus.publishTransient([eventOn('transient.before.subscription.close')]);
      void sub.close();
      await settle();
      expect(gw.keys()).toEqual([]);
      expect(other.keys()).toEqual(['before.subscription.close', 'transient.before.subscription.close']);

      void bus.publish(eventOn('before.bus.close'));
      bus.publishTransient([eventOn('transient.before.bus.close')]);
      void bus.close();
      await settle();
      expect(other.keys()).toEqual(['before.subscription.close', 'transient.before.subscription.close']);
      expect(bus.isConnected()).toBe(false);
    });

    it('hands an undelivered event of a shared queue to the consumer left when one closes', async () => {
      const [a, b] = [collector(), collector()];
      const subA = await bus.subscribe({ queue: 'work', exclusive: false, patterns: ['#'] }, a.handler);
      await bus.subscribe({ queue: 'work', exclusive: false }, b.handler);
      void bus.publish(eventOn('e.1')); // would have been a's turn
      void subA.close();
      await bus.publish(eventOn('e.2'));
      await settle();
      expect(a.keys()).toEqual([]);
      expect(b.keys()).toEqual(['e.1', 'e.2']);
    });

    it('counts the same handler subscribed twice as two consumers', async () => {
      const r = collector();
      const first = await bus.subscribe({ queue: 'work', exclusive: false, patterns: ['#'] }, r.handler);
      await bus.subscribe({ queue: 'work', exclusive: false }, r.handler);
      await first.close();
      await bus.publish(eventOn('still.bound'));
      await settle();
      expect(r.keys()).toEqual(['still.bound']);
    });

    it('does not let a stale subscription close delete a newer queue of the same name', async () => {
      const old = await bus.subscribe({ queue: 'gw', exclusive: true, patterns: ['#'] }, () => undefined);
      await old.close();
      const r = collector();
      await bus.subscribe({ queue: 'gw', exclusive: true, patterns: ['#'] }, r.handler);
      await old.close();
      await old.bind('stale.#');
      await bus.publish(eventOn('new.queue'));
      await settle();
      expect(r.keys()).toEqual(['new.queue']);
    });

    it('logs every failed handling, and drops a failed event on a queue that does not retry', async () => {
      let calls = 0;
      await bus.subscribe({ queue: 'dropping', exclusive: false, patterns: ['r.#'] }, () => {
        calls++;
        throw new Error('broken');
      });
      await bus.publish(eventOn('r.x'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls).toBe(1);
      expect(logLines.filter((line) => line.includes('event handler failed'))).toHaveLength(1);
    });

    it('routes among thousands of bindings to the few queues that match', async () => {
      const gateways = [collector(), collector()];
      const subs = await Promise.all(gateways.map((gw, i) => bus.subscribe({ queue: `gw-${i}`, exclusive: true }, gw.handler)));
      for (let s = 0; s < 5000; s++) await subs[s % 2].bind(`session.s${s}.#`);
      await bus.publishMany([eventOn('session.s4242.message.created'), eventOn('session.s77.message.created'), eventOn('session.s5000.message.created')]);
      await settle();
      expect(gateways[0].keys()).toEqual(['session.s4242.message.created']);
      expect(gateways[1].keys()).toEqual(['session.s77.message.created']);
    });

    it('counts transient events published, and the ones dropped once closed', async () => {
      const count = async (result: string) => Number((await renderMetrics()).match(new RegExp(`parley_bus_published_total\\{result="${result}"\\} (\\d+)`))?.[1] ?? 0);
      const [sent, dropped] = [await count('transient'), await count('dropped')];
      bus.publishTransient([eventOn('session.s1.typing.started'), eventOn('session.s1.typing.stopped')]);
      await bus.close();
      bus.publishTransient([eventOn('session.s1.typing.started')]);
      expect(await count('transient')).toBe(sent + 2);
      expect(await count('dropped')).toBe(dropped + 1);
    });
  });
});
