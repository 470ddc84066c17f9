import type { EventEnvelope } from '@parley/contracts';
import type { EventBus, EventHandler } from './event-bus';
import { collector, eventOn, messageEventOn } from './testing/collector';

/** The broker a test runs on: RabbitMQ with an exchange of the test's own, or one in-process bus. */
export interface BusFixture {
  /** A bus on this test's broker: another process (a gateway) for RabbitMQ, the same bus in process. */
  connect(): Promise<EventBus>;
  /** A queue name of this test's own; a shared (durable) one is removed after the test. */
  queue(what: string, shared?: boolean): string;
  close(): Promise<void>;
}

/**
 * What every EventBus does, whichever broker is behind it: `memory-bus.spec.ts` and
 * `amqp-bus.spec.ts` both run these, so the all-in-one mode cannot drift from the stack. Absence
 * is checked with a marker: events of one publisher reach a queue in order, so once the marker
 * published last has arrived, nothing published before it is still coming.
 */
export function behavesAsEventBus(openFixture: () => Promise<BusFixture>): void {
  let fixture: BusFixture;
  beforeEach(async () => {
    fixture = await openFixture();
  });
  afterEach(() => fixture.close());

  it('routes by topic pattern, * for one word and # for any number', async () => {
    const bus = await fixture.connect();
    const [session, agents, created] = [collector(), collector(), collector()];
    await bus.subscribe({ queue: fixture.queue('session'), exclusive: true, patterns: ['session.s1.#', 'marker'] }, session.handler);
    await bus.subscribe({ queue: fixture.queue('agents'), exclusive: true, patterns: ['agents.#', 'marker'] }, agents.handler);
    await bus.subscribe({ queue: fixture.queue('created'), exclusive: true, patterns: ['session.*.message.created', 'marker'] }, created.handler);

    const keys = ['session.s1.message.created', 'session.s2.message.created', 'agents', 'agents.session.created', 'session.s1.session.created', 'user.u1.x', 'session', 'marker'];
    await bus.publishMany(keys.map(eventOn));

    expect((await session.waitFor(3)).map((e) => e.routing_key)).toEqual(['session.s1.message.created', 'session.s1.session.created', 'marker']);
    expect((await agents.waitFor(3)).map((e) => e.routing_key)).toEqual(['agents', 'agents.session.created', 'marker']);
    expect((await created.waitFor(3)).map((e) => e.routing_key)).toEqual(['session.s1.message.created', 'session.s2.message.created', 'marker']);
  });

  it('changes what arrives when patterns are bound and unbound while it runs', async () => {
    const bus = await fixture.connect();
    const got = collector();
    const sub = await bus.subscribe({ queue: fixture.queue('gw'), exclusive: true, patterns: ['marker.#'] }, got.handler);
    await bus.publish(eventOn('session.s1.before-bind'));
    await sub.bind('session.s1.#');
    await sub.bind('session.s1.#'); // twice is once
    await bus.publish(eventOn('session.s1.bound'));
    await bus.publish(eventOn('session.s2.other'));
    await sub.unbind('session.s1.#');
    await bus.publish(eventOn('session.s1.after-unbind'));
    await bus.publish(eventOn('marker.end'));
    await got.waitFor(2);
    expect(got.keys()).toEqual(['session.s1.bound', 'marker.end']);
  });

  it('binds many patterns at once (a reconnect storm), and a pattern unbound right after its bind ends unbound', async () => {
    const bus = await fixture.connect();
    const got = collector();
    const sub = await bus.subscribe({ queue: fixture.queue('storm'), exclusive: true, patterns: ['marker.#'] }, got.handler);
    const sessions = Array.from({ length: 60 }, (_, i) => `s${i}`);
    await Promise.all(sessions.map((id) => sub.bind(`session.${id}.#`)));
    // Not awaited in between: the unbind must still reach the broker after the bind.
    await Promise.all([sub.bind('session.gone.#'), sub.unbind('session.gone.#')]);
    for (const id of [...sessions, 'gone']) await bus.publish(eventOn(`session.${id}.x`));
    await bus.publish(eventOn('marker.end'));
    await got.waitFor(sessions.length + 1);
    expect(got.keys().sort()).toEqual([...sessions.map((id) => `session.${id}.x`), 'marker.end'].sort());
  });

  it('gives each bound queue one copy, however many of its patterns match', async () => {
    const [publisher, gateway1, gateway2] = [await fixture.connect(), await fixture.connect(), await fixture.connect()];
    const [gw1, gw2] = [collector(), collector()];
    await gateway1.subscribe({ queue: fixture.queue('gw1'), exclusive: true, patterns: ['session.s1.#', 'session.*.message.created', '#'] }, gw1.handler);
    await gateway2.subscribe({ queue: fixture.queue('gw2'), exclusive: true, patterns: ['session.s1.#', 'marker'] }, gw2.handler);
    const sent = eventOn('session.s1.message.created');
    await publisher.publishMany([sent, eventOn('marker')]);
    expect((await gw1.waitFor(2)).map((e) => e.id)).toEqual([sent.id, expect.any(String)]);
    expect((await gw2.waitFor(2)).map((e) => e.routing_key)).toEqual(['session.s1.message.created', 'marker']);
    expect(gw1.events[0]).toEqual(sent);
  });

  it('shares a non-exclusive queue between competing consumers, each event to one of them', async () => {
    const queue = fixture.queue('work', true);
    const [a, b] = [collector(), collector()];
    const all = collector();
    const both = (one: EventHandler): EventHandler => (event) => {
      one(event);
      all.handler(event);
    };
    await (await fixture.connect()).subscribe({ queue, exclusive: false, patterns: ['jobs.#'] }, both(a.handler));
    await (await fixture.connect()).subscribe({ queue, exclusive: false, patterns: ['jobs.#'] }, both(b.handler));
    const sent = Array.from({ length: 10 }, (_, i) => eventOn(`jobs.${i}`));
    // Published one by one: the events of one publishMany may travel together, to one consumer.
    const publisher = await fixture.connect();
    for (const event of sent) await publisher.publish(event);
    await all.waitFor(10);
    expect(all.events.map((e) => e.id).sort()).toEqual(sent.map((e) => e.id).sort());
    expect(a.events.length).toBeGreaterThan(0);
    expect(b.events.length).toBeGreaterThan(0);
  });

  it('refuses a second consumer on an exclusive queue, and frees the name once its owner closes', async () => {
    const bus = await fixture.connect();
    const queue = fixture.queue('gw');
    const first = await bus.subscribe({ queue, exclusive: true, patterns: ['#'] }, () => undefined);
    await expect(bus.subscribe({ queue, exclusive: true }, () => undefined)).rejects.toThrow(/exclusive/);
    await first.close();
    const again = collector();
    await bus.subscribe({ queue, exclusive: true, patterns: ['a.#'] }, again.handler);
    await bus.publish(eventOn('a.1'));
    expect((await again.waitFor(1)).map((e) => e.routing_key)).toEqual(['a.1']);
  });

  it('gives a queue that asks for traits only the events with them, also for patterns bound while it runs', async () => {
    const bus = await fixture.connect();
    const [withFiles, all] = [collector(), collector()];
    const sub = await bus.subscribe({ queue: fixture.queue('files', true), exclusive: false, withTraits: ['has_attachments'] }, withFiles.handler);
    await sub.bind('session.*.message.created');
    await bus.subscribe({ queue: fixture.queue('all'), exclusive: true, patterns: ['session.#'] }, all.handler);
    const sent = [messageEventOn('session.s1.message.created', false), messageEventOn('session.s1.message.created', true), messageEventOn('session.s2.message.created', false), messageEventOn('session.s2.message.created', true), eventOn('session.s4.session.created')];
    await bus.publishMany(sent);
    expect((await withFiles.waitFor(2)).map((e) => e.id)).toEqual([sent[1].id, sent[3].id]);
    expect((await all.waitFor(5)).map((e) => e.id)).toEqual(sent.map((e) => e.id));

    await sub.unbind('session.*.message.created');
    await sub.bind('session.s4.#');
    const last = messageEventOn('session.s4.message.created', true);
    await bus.publishMany([messageEventOn('session.s3.message.created', true), last]);
    await withFiles.waitFor(3);
    expect(withFiles.events.map((e) => e.id)).toEqual([sent[1].id, sent[3].id, last.id]);
  });

  it('keeps delivering to other queues, and to the same handler, after a handler throws', async () => {
    const bus = await fixture.connect();
    const [failing, good] = [collector(), collector()];
    await bus.subscribe({ queue: fixture.queue('bad-sync'), exclusive: true, patterns: ['x.#'] }, (event) => {
      failing.handler(event);
      throw new Error('boom');
    });
    await bus.subscribe({ queue: fixture.queue('bad-async'), exclusive: true, patterns: ['x.#'] }, async () => {
      throw new Error('async boom');
    });
    await bus.subscribe({ queue: fixture.queue('good'), exclusive: true, patterns: ['x.#'] }, good.handler);
    await bus.publish(eventOn('x.1'));
    await bus.publish(eventOn('x.2'));
    expect((await good.waitFor(2)).map((e) => e.routing_key)).toEqual(['x.1', 'x.2']);
    expect((await failing.waitFor(2)).map((e) => e.routing_key)).toEqual(['x.1', 'x.2']);
  });

  it('hands an event whose handler failed back for another try when the queue asks for it', async () => {
    const bus = await fixture.connect();
    let attempts = 0;
    const done = collector();
    await bus.subscribe({ queue: fixture.queue('retry', true), exclusive: false, patterns: ['retry.#'], retryFailed: true, retryDelayMs: 20 }, async (e) => {
      if (++attempts < 3) throw new Error('database unavailable');
      done.handler(e);
    });
    const sent = eventOn('retry.me');
    await bus.publish(sent);
    expect((await done.waitFor(1)).map((e) => e.id)).toEqual([sent.id]);
    expect(attempts).toBe(3);
  });

  it('acks the events handled around a failed one, never the failed one before its retry, and nothing stays behind', async () => {
    const bus = await fixture.connect();
    const queue = fixture.queue('bulk', true);
    const handled = collector();
    const attempts = new Map<string, number>();
    const flaky = eventOn('bulk.flaky');
    const sub = await bus.subscribe({ queue, exclusive: false, patterns: ['bulk.#'], retryFailed: true, retryDelayMs: 50 }, async (event) => {
      attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
      if (event.id === flaky.id && attempts.get(event.id) === 1) throw new Error('database unavailable');
      handled.handler(event);
    });
    const before = Array.from({ length: 20 }, (_, i) => eventOn(`bulk.before.${i}`));
    const after = Array.from({ length: 20 }, (_, i) => eventOn(`bulk.after.${i}`));
    await bus.publishMany([...before, flaky, ...after]);
    await handled.waitFor(41);
    expect(new Set(handled.events.map((e) => e.id))).toEqual(new Set([...before, flaky, ...after].map((e) => e.id)));
    expect(attempts.get(flaky.id)).toBe(2);

    // The consumer leaves and another takes the queue: whatever was not acked would come to it again.
    await sub.close();
    const next = collector();
    await (await fixture.connect()).subscribe({ queue, exclusive: false, patterns: ['bulk.#'] }, next.handler);
    await bus.publish(eventOn('bulk.marker'));
    await next.waitFor(1);
    expect(next.keys()).toEqual(['bulk.marker']);
    // Those handled beside the failed one were not handled again.
    expect(handled.events).toHaveLength(41);
  });

  it('publishes a batch in order and resolves once every event of it is taken', async () => {
    const bus = await fixture.connect();
    const got = collector();
    await bus.subscribe({ queue: fixture.queue('ordered'), exclusive: true, patterns: ['session.s1.#'] }, got.handler);
    const sent = Array.from({ length: 50 }, (_, i) => eventOn(`session.s1.message.${i}`));
    await expect(bus.publishMany(sent)).resolves.toBeUndefined();
    await expect(bus.publishMany([])).resolves.toBeUndefined();
    expect((await got.waitFor(50)).map((e) => e.id)).toEqual(sent.map((e) => e.id));
  });

  it('delivers transient events like the others, and never throws for them, not even once closed', async () => {
    const bus = await fixture.connect();
    const got = collector();
    await bus.subscribe({ queue: fixture.queue('typing'), exclusive: true, patterns: ['session.s1.#'] }, got.handler);
    const typing: EventEnvelope[] = [eventOn('session.s1.typing.started'), eventOn('session.s1.typing.stopped')];
    bus.publishTransient(typing);
    expect((await got.waitFor(2)).map((e) => e.id)).toEqual(typing.map((e) => e.id));
    await bus.close();
    expect(() => bus.publishTransient([eventOn('session.s1.typing.started')])).not.toThrow();
    await expect(bus.publishMany([eventOn('session.s1.late')])).rejects.toThrow(/closed/);
    await expect(bus.subscribe({ queue: fixture.queue('late'), exclusive: true }, got.handler)).rejects.toThrow(/closed/);
  });

  it('hands nothing to a closed subscription', async () => {
    const bus = await fixture.connect();
    const [closing, staying] = [collector(), collector()];
    const sub = await bus.subscribe({ queue: fixture.queue('closing'), exclusive: true, patterns: ['x.#'] }, closing.handler);
    await bus.subscribe({ queue: fixture.queue('staying'), exclusive: true, patterns: ['x.#'] }, staying.handler);
    await bus.publish(eventOn('x.before'));
    await closing.waitFor(1);
    await sub.close();
    await bus.publishMany([eventOn('x.after'), eventOn('x.marker')]);
    await staying.waitFor(3);
    expect(closing.keys()).toEqual(['x.before']);
  });
}
