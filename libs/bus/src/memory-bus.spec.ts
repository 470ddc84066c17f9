import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { EventEnvelope, EventPayloads } from '@parley/contracts';
import type { EventHandler } from './event-bus';
import { MemoryBus } from './memory-bus';

function event(routingKey: string): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'session.created',
    routing_key: routingKey,
    occurred_at: new Date().toISOString(),
    data: {} as EventPayloads['session.created'],
  };
}

/** Lets every delivery scheduled so far (setImmediate, then the handler's promise) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A handler that records the routing keys it receives. */
function recorder(): { keys: string[]; handler: EventHandler } {
  const keys: string[] = [];
  return { keys, handler: (e) => void keys.push(e.routing_key) };
}

describe('MemoryBus', () => {
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

  it('routes by topic pattern, * for one word and # for any number', async () => {
    const session = recorder();
    const agents = recorder();
    const created = recorder();
    await bus.subscribe({ queue: 'session-s1', exclusive: true, patterns: ['session.s1.#'] }, session.handler);
    await bus.subscribe({ queue: 'agents', exclusive: true, patterns: ['agents.#'] }, agents.handler);
    await bus.subscribe({ queue: 'created', exclusive: true, patterns: ['session.*.message.created'] }, created.handler);

    for (const key of ['session.s1.message.created', 'session.s2.message.created', 'agents.session.created', 'session.s1.session.created', 'user.u1.x']) {
      await bus.publish(event(key));
    }
    await settle();

    expect(session.keys).toEqual(['session.s1.message.created', 'session.s1.session.created']);
    expect(agents.keys).toEqual(['agents.session.created']);
    expect(created.keys).toEqual(['session.s1.message.created', 'session.s2.message.created']);
  });

  it('gives a queue that asks for traits only the events with them, and the others to every other queue', async () => {
    const message = (key: string, files: number): EventEnvelope => ({
      ...event(key),
      type: 'message.created',
      data: { message: { attachments: Array.from({ length: files }, () => ({ id: randomUUID() })) } } as unknown as EventPayloads['message.created'],
    });
    const withFiles = recorder();
    const all = recorder();
    await bus.subscribe({ queue: 'files', exclusive: false, patterns: ['session.*.message.created'], withTraits: ['has_attachments'] }, withFiles.handler);
    await bus.subscribe({ queue: 'all', exclusive: true, patterns: ['session.#'] }, all.handler);
    for (const [key, files] of [['session.s1.message.created', 0], ['session.s2.message.created', 2], ['session.s3.message.created', 0]] as const) await bus.publish(message(key, files));
    await bus.publish(event('session.s4.session.created'));
    await settle();
    expect(withFiles.keys).toEqual(['session.s2.message.created']);
    expect(all.keys).toEqual(['session.s1.message.created', 'session.s2.message.created', 'session.s3.message.created', 'session.s4.session.created']);
  });

  it('delivers one copy per queue even when two of its patterns match', async () => {
    const r = recorder();
    await bus.subscribe({ queue: 'q', exclusive: true, patterns: ['session.s1.#', 'session.*.message.created', '#'] }, r.handler);
    await bus.publish(event('session.s1.message.created'));
    await settle();
    expect(r.keys).toEqual(['session.s1.message.created']);
  });

  it('round-robins a shared queue between competing consumers, one copy per event', async () => {
    const a = recorder();
    const b = recorder();
    await bus.subscribe({ queue: 'work', exclusive: false, patterns: ['jobs.#'] }, a.handler);
    await bus.subscribe({ queue: 'work', exclusive: false }, b.handler);
    for (let i = 0; i < 6; i++) await bus.publish(event(`jobs.${i}`));
    await settle();
    expect(a.keys).toEqual(['jobs.0', 'jobs.2', 'jobs.4']);
    expect(b.keys).toEqual(['jobs.1', 'jobs.3', 'jobs.5']);
  });

  it('refuses a second consumer on an exclusive queue, and an exclusive claim on a shared one', async () => {
    const first = await bus.subscribe({ queue: 'gw-1', exclusive: true, patterns: ['#'] }, () => undefined);
    await expect(bus.subscribe({ queue: 'gw-1', exclusive: true }, () => undefined)).rejects.toThrow(/exclusive/);
    await expect(bus.subscribe({ queue: 'gw-1', exclusive: false }, () => undefined)).rejects.toThrow(/exclusive/);
    await bus.subscribe({ queue: 'shared', exclusive: false }, () => undefined);
    await expect(bus.subscribe({ queue: 'shared', exclusive: true }, () => undefined)).rejects.toThrow(/exclusive/);

    // Once its owner closes, the name is free again.
    await first.close();
    const again = recorder();
    await bus.subscribe({ queue: 'gw-1', exclusive: true, patterns: ['a.#'] }, again.handler);
    await bus.publish(event('a.1'));
    await settle();
    expect(again.keys).toEqual(['a.1']);
  });

  it('changes what arrives when patterns are bound and unbound at runtime', async () => {
    const r = recorder();
    const sub = await bus.subscribe({ queue: 'gw', exclusive: true }, r.handler);
    await bus.publish(event('session.s1.message.created'));
    await sub.bind('session.s1.#');
    await sub.bind('session.s1.#'); // twice is once
    await bus.publish(event('session.s1.one'));
    await bus.publish(event('session.s2.two'));
    await sub.unbind('session.s1.#');
    await bus.publish(event('session.s1.three'));
    await settle();
    expect(r.keys).toEqual(['session.s1.one']);
  });

  it('keeps delivering to other queues, and to the same handler, after a handler throws', async () => {
    let calls = 0;
    const good = recorder();
    await bus.subscribe({ queue: 'bad-sync', exclusive: true, patterns: ['x.#'] }, () => {
      calls++;
      throw new Error('boom');
    });
    await bus.subscribe({ queue: 'bad-async', exclusive: true, patterns: ['x.#'] }, async () => {
      throw new Error('async boom');
    });
    await bus.subscribe({ queue: 'good', exclusive: true, patterns: ['x.#'] }, good.handler);

    await expect(bus.publish(event('x.1'))).resolves.toBeUndefined();
    await bus.publish(event('x.2'));
    await settle();

    expect(good.keys).toEqual(['x.1', 'x.2']);
    expect(calls).toBe(2);
    expect(logLines.filter((line) => line.includes('event handler failed'))).toHaveLength(4);
  });

  it('stops delivery on close, including events already published but not yet delivered', async () => {
    const r = recorder();
    await bus.subscribe({ queue: 'gw', exclusive: true, patterns: ['#'] }, r.handler);
    await bus.publish(event('before.close'));
    await bus.close();
    await settle();

    expect(r.keys).toEqual([]);
    expect(bus.isConnected()).toBe(false);
    await expect(bus.publish(event('after.close'))).rejects.toThrow(/closed/);
    await expect(bus.subscribe({ queue: 'late', exclusive: true }, r.handler)).rejects.toThrow(/closed/);
  });

  it('stops a closed subscription; an undelivered event of a shared queue goes to the consumer left', async () => {
    const a = recorder();
    const b = recorder();
    const subA = await bus.subscribe({ queue: 'work', exclusive: false, patterns: ['#'] }, a.handler);
    await bus.subscribe({ queue: 'work', exclusive: false }, b.handler);
    await bus.publish(event('e.1')); // would have been a's turn
    await subA.close();
    await bus.publish(event('e.2'));
    await settle();
    expect(a.keys).toEqual([]);
    expect(b.keys).toEqual(['e.1', 'e.2']);
  });

  it('counts the same handler subscribed twice as two consumers', async () => {
    const r = recorder();
    const first = await bus.subscribe({ queue: 'work', exclusive: false, patterns: ['#'] }, r.handler);
    await bus.subscribe({ queue: 'work', exclusive: false }, r.handler);
    await first.close();
    await bus.publish(event('still.bound'));
    await settle();
    expect(r.keys).toEqual(['still.bound']);
  });

  it('does not let a stale subscription close delete a newer queue of the same name', async () => {
    const old = await bus.subscribe({ queue: 'gw', exclusive: true, patterns: ['#'] }, () => undefined);
    await old.close();
    const r = recorder();
    await bus.subscribe({ queue: 'gw', exclusive: true, patterns: ['#'] }, r.handler);
    await old.close();
    await bus.publish(event('new.queue'));
    await settle();
    expect(r.keys).toEqual(['new.queue']);
  });
  it('retries a failed delivery when the queue asks for it, and drops it otherwise', async () => {
    let retried = 0;
    let dropped = 0;
    await bus.subscribe({ queue: 'retrying', exclusive: false, patterns: ['r.#'], retryFailed: true, retryDelayMs: 10 }, () => {
      if (++retried < 3) throw new Error('database unavailable');
    });
    await bus.subscribe({ queue: 'dropping', exclusive: false, patterns: ['r.#'] }, () => {
      dropped++;
      throw new Error('broken');
    });
    await bus.publish(event('r.x'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect({ retried, dropped }).toEqual({ retried: 3, dropped: 1 });
  });
});
