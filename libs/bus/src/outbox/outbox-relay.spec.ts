import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { EventEnvelope, EventPayloads } from '@parley/contracts';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import type { EventBus, Subscription } from '../event-bus';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';

jest.setTimeout(30_000);

const TABLE = 'message_outbox';
const logger = pino({ level: 'silent' });
const outbox = new OutboxRepository(TABLE);

function event(routingKey = `session.${randomUUID()}.message.created`): EventEnvelope {
  const data = {} as EventPayloads['message.created'];
  return { id: randomUUID(), type: 'message.created', routing_key: routingKey, occurred_at: new Date().toISOString(), data };
}

/** An EventBus that records what it was asked to publish; it fails while `failing` says so. */
class FakeBus implements EventBus {
  readonly published: string[] = [];
  attempts = 0;
  failing: (event: EventEnvelope) => boolean = () => false;
  delayMs = 0;
  beforePublish: (event: EventEnvelope) => Promise<void> | void = () => undefined;

  async publish(event: EventEnvelope): Promise<void> {
    this.attempts++;
    await this.beforePublish(event);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failing(event)) throw new Error('broker unavailable');
    this.published.push(event.id);
  }
  async subscribe(): Promise<Subscription> {
    throw new Error('not used');
  }
  isConnected(): boolean {
    return true;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

async function until(condition: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('OutboxRelay', () => {
  let db: TestDatabase;
  const relays: OutboxRelay[] = [];
  const newRelay = (bus: EventBus, options: Partial<OutboxRelayOptions> = {}) => {
    const relay = new OutboxRelay({ knex: db.knex, table: TABLE, bus, logger, ...options });
    relays.push(relay);
    return relay;
  };

  /** Commits the events to the outbox in one transaction, as a service does with its state change. */
  async function commit(events: EventEnvelope[]): Promise<EventEnvelope[]> {
    await db.knex.transaction((trx) => outbox.add(trx, events));
    return events;
  }
  const many = (count: number) => Array.from({ length: count }, () => event());
  const rows = () => db.knex(TABLE).select('event_id', 'published_at').orderBy('id');
  const marks = async () =>
    (await db.knex('outbox_marks').select('outbox_id').count<{ outbox_id: number; count: string }[]>('* as count').groupBy('outbox_id')).map((r) => Number(r.count));

  beforeAll(async () => {
    db = await createTestDatabase('parley_bus_test');
    // Records every update that sets published_at, so "marked exactly once" can be checked.
    await db.knex.raw(`
      create table outbox_marks (outbox_id bigint not null, marked_at timestamptz not null default clock_timestamp());
      create function record_outbox_mark() returns trigger language plpgsql as $$
        begin insert into outbox_marks (outbox_id) values (new.id); return new; end $$;
      create trigger message_outbox_marks after update of published_at on ${TABLE}
        for each row when (new.published_at is not null) execute function record_outbox_mark();`);
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await db.knex.raw(`truncate ${TABLE}, outbox_marks`);
  });
  afterAll(() => db.drop());

  it('publishes the events of a committed transaction on notify() and marks them published', async () => {
    const bus = new FakeBus();
    const relay = newRelay(bus);
    const sent = await commit(many(3));
    relay.notify();
    await until(async () => (await relay.pending()) === 0);

    expect(bus.published).toEqual(sent.map((e) => e.id));
    const stored = await rows();
    expect(stored.map((r) => r.event_id)).toEqual(sent.map((e) => e.id));
    stored.forEach((r) => expect(r.published_at).toBeInstanceOf(Date));
    expect(await marks()).toEqual([1, 1, 1]);
  });

  it('never publishes the events of a rolled-back transaction', async () => {
    const bus = new FakeBus();
    const relay = newRelay(bus, { sweepIntervalMs: 50 });
    relay.start();
    const lost = many(2);
    await expect(
      db.knex.transaction(async (trx) => {
        await outbox.add(trx, lost);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    relay.notify();
    const kept = await commit(many(1));
    relay.notify();
    await until(() => bus.published.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200)); // a few sweeps

    expect(bus.published).toEqual([kept[0].id]);
    expect((await rows()).map((r) => r.event_id)).toEqual([kept[0].id]);
  });

  it('keeps rows unpublished while the bus fails and lets the sweeper publish them later', async () => {
    const bus = new FakeBus();
    const sent = many(3);
    // The broker takes the first two but refuses the third: the batch must not be marked.
    bus.failing = (e) => e.id === sent[2].id;
    const relay = newRelay(bus, { sweepIntervalMs: 50 });
    relay.start();
    await commit(sent);
    relay.notify();
    await until(() => bus.attempts >= 9); // three drains at least, by notify and the sweeper

    expect(await relay.pending()).toBe(3);
    expect((await rows()).every((r) => r.published_at === null)).toBe(true);
    expect(await marks()).toEqual([]);
    expect(bus.published).not.toContain(sent[2].id);

    bus.failing = () => false;
    await until(async () => (await relay.pending()) === 0); // no notify(): the sweeper's job
    expect(new Set(bus.published)).toEqual(new Set(sent.map((e) => e.id)));
    expect(await marks()).toEqual([1, 1, 1]);
  });

  it('rejects flush() while the bus fails, leaving the rows pending', async () => {
    const bus = new FakeBus();
    bus.failing = () => true;
    const relay = newRelay(bus);
    await commit(many(2));
    await expect(relay.flush()).rejects.toThrow(/publish failed/);
    expect(await relay.pending()).toBe(2);
  });

  it('lets two relays on one table publish every row, each marked exactly once', async () => {
    const [busA, busB] = [new FakeBus(), new FakeBus()];
    busA.delayMs = busB.delayMs = 1;
    const relayA = newRelay(busA, { batchSize: 7, sweepIntervalMs: 50 });
    const relayB = newRelay(busB, { batchSize: 7, sweepIntervalMs: 50 });
    relayA.start();
    relayB.start();
    const sent: EventEnvelope[] = [];
    for (let i = 0; i < 20; i++) {
      sent.push(...(await commit(many(5))));
      relayA.notify();
      relayB.notify();
    }
    await Promise.all([relayA.flush(), relayB.flush()]);
    await until(async () => (await relayA.pending()) === 0);

    const seen = new Set([...busA.published, ...busB.published]);
    expect(seen).toEqual(new Set(sent.map((e) => e.id)));
    expect(busA.published.length).toBeGreaterThan(0);
    expect(busB.published.length).toBeGreaterThan(0);
    const counts = await marks();
    expect(counts).toHaveLength(100);
    expect(counts.every((count) => count === 1)).toBe(true);
  });

  it('publishes everything pending on flush(), over several batches', async () => {
    const bus = new FakeBus();
    const relay = newRelay(bus, { batchSize: 20 });
    const sent = await commit(many(45));
    await relay.flush();
    expect(await relay.pending()).toBe(0);
    expect(bus.published).toEqual(sent.map((e) => e.id));
  });

  it('stops the sweeper and notify() on stop()', async () => {
    const bus = new FakeBus();
    const relay = newRelay(bus, { sweepIntervalMs: 50 });
    relay.start();
    await relay.stop();
    await commit(many(2));
    relay.notify();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bus.attempts).toBe(0);
    expect(await relay.pending()).toBe(2);
  });

  it('publishes what is pending on stop() and runs nothing once stop() has resolved', async () => {
    const bus = new FakeBus();
    bus.delayMs = 20;
    const relay = newRelay(bus, { sweepIntervalMs: 50 });
    const first = await commit(many(3));
    let late: EventEnvelope[] = [];
    // While stop() drains, a service commits more and notifies, as it would during shutdown.
    bus.beforePublish = async () => {
      if (late.length) return;
      late = many(2);
      await commit(late);
      relay.notify();
    };
    await relay.stop();
    for (const e of first) expect(bus.published).toContain(e.id);
    const pendingAtStop = await relay.pending();
    const attemptsAtStop = bus.attempts;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await relay.pending()).toBe(pendingAtStop);
    expect(bus.attempts).toBe(attemptsAtStop);
  });
});
