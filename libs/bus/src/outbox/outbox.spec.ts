import pino from 'pino';
import type { EventEnvelope } from '@parley/contracts';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import { renderMetrics } from '@parley/metrics';
import { eventually } from '@parley/testing';
import { eventOn } from '../testing/collector';
import { RecordingBus } from '../testing/recording-bus';
import { createOutbox, type Outbox, type OutboxOptions } from './outbox';

jest.setTimeout(30_000);

const TABLE = 'presence_outbox';
const logger = pino({ level: 'silent' });
const many = (count: number) => Array.from({ length: count }, (_, i) => eventOn(`session.s${i}.user.joined`));
const ids = (events: EventEnvelope[]) => events.map((e) => e.id);

describe('createOutbox (PostgreSQL)', () => {
  let db: TestDatabase;
  const outboxes: Outbox[] = [];
  const newOutbox = (bus: RecordingBus, options: Partial<OutboxOptions> = {}) => {
    const outbox = createOutbox({ knex: db.knex, table: TABLE, bus, logger, ...options });
    outboxes.push(outbox);
    return outbox;
  };
  const rows = async () => (await db.knex(TABLE).orderBy('id').select<{ event_id: string }[]>('event_id')).map((r) => r.event_id);
  /** The INSERT and DELETE statements run on the outbox table, in order. */
  const statements = async () => (await db.knex('outbox_statements').orderBy('n').select<{ op: string }[]>('op')).map((r) => r.op);
  /** Rows a process committed and never published (it crashed), created `secondsAgo`. */
  const leftovers = async (events: EventEnvelope[], secondsAgo = 60) => {
    await db.knex(TABLE).insert(events.map((e) => ({ event_id: e.id, type: e.type, routing_key: e.routing_key, payload: JSON.stringify(e), created_at: db.knex.raw(`now() - make_interval(secs => ?)`, [secondsAgo]) })));
    await db.knex.raw('truncate outbox_statements');
  };

  beforeAll(async () => {
    db = await createTestDatabase('parley_outbox_test');
    await db.knex.raw(`
      create table outbox_statements (n bigserial primary key, op text not null);
      create function record_outbox_statement() returns trigger language plpgsql as $$
        begin insert into outbox_statements (op) values (tg_op); return null; end $$;
      create trigger outbox_statements after insert or delete on ${TABLE}
        for each statement execute function record_outbox_statement();`);
  });
  afterEach(async () => {
    await Promise.all(outboxes.splice(0).map((outbox) => outbox.stop()));
    await db.knex.raw(`truncate ${TABLE}, outbox_statements`);
  });
  afterAll(() => db.drop());

  it('inserts the recorded events in one statement, publishes them after the commit with one confirm wait, then deletes them', async () => {
    const bus = new RecordingBus();
    const outbox = newOutbox(bus);
    const [first, second] = [many(2), many(3)];
    const answer = await outbox.transaction(async (trx, record) => {
      record(first);
      await trx.raw('select 1');
      record(second);
      return 'the state change';
    });
    expect(answer).toBe('the state change');
    await outbox.flush();

    expect(bus.waits).toEqual([ids([...first, ...second])]);
    expect(bus.published).toEqual(ids([...first, ...second]));
    expect(await rows()).toEqual([]);
    expect(await statements()).toEqual(['INSERT', 'DELETE']);
  });

  it('deletes the confirmed rows of many transactions in bulk, at most one delete at a time', async () => {
    const bus = new RecordingBus();
    const outbox = newOutbox(bus, { deleteIntervalMs: 60_000 });
    const sent = await Promise.all(Array.from({ length: 20 }, () => outbox.transaction(async (_trx, record) => many(2).map((e) => (record([e]), e)))));
    await outbox.flush();

    expect(new Set(bus.published)).toEqual(new Set(ids(sent.flat())));
    expect(bus.waits).toHaveLength(20);
    expect(await rows()).toEqual([]);
    const deletes = (await statements()).filter((op) => op === 'DELETE');
    expect(deletes.length).toBeGreaterThanOrEqual(1);
    expect(deletes.length).toBeLessThanOrEqual(2);
  });

  it('stores and publishes nothing of a transaction that rolls back, and refuses events recorded after its work', async () => {
    const bus = new RecordingBus();
    const outbox = newOutbox(bus);
    await expect(
      outbox.transaction(async (_trx, record) => {
        record(many(2));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    let late: (() => void) | undefined;
    await outbox.transaction(async (_trx, record) => {
      late = () => record(many(1));
    });
    expect(late).toThrow(/after their transaction/);
    await outbox.flush();
    expect(bus.attempts).toBe(0);
    expect(await rows()).toEqual([]);
  });

  it('publishes and deletes rows a caller inserted with its own SQL, handed over by committed()', async () => {
    const bus = new RecordingBus();
    const outbox = newOutbox(bus);
    const sent = many(3);
    const inserted = await db.knex.transaction((trx) =>
      trx(TABLE)
        .insert(sent.map((e) => ({ event_id: e.id, type: e.type, routing_key: e.routing_key, payload: JSON.stringify(e) })))
        .returning<{ id: number; event_id: string }[]>(['id', 'event_id']),
    );
    outbox.committed(inserted.map((row) => ({ id: row.id, event: sent.find((e) => e.id === row.event_id) as EventEnvelope })));
    await outbox.flush();
    expect(bus.waits).toEqual([ids(sent)]);
    expect(await rows()).toEqual([]);
  });

  it('keeps the rows of a publish the broker refused, and the sweeper publishes them once it is back: nothing lost, nothing twice', async () => {
    const bus = new RecordingBus();
    bus.failing = () => true;
    const outbox = newOutbox(bus, { graceMs: 100, sweepIntervalMs: 50 });
    outbox.start();
    const sent = await outbox.transaction(async (_trx, record) => {
      const events = many(4);
      record(events);
      return events;
    });
    await eventually(() => expect(bus.attempts).toBeGreaterThanOrEqual(3 * sent.length)); // the direct publish and two sweeps at least
    expect(await outbox.pending()).toBe(4);
    expect(bus.published).toEqual([]);

    bus.failing = () => false;
    await eventually(async () => expect(await outbox.pending()).toBe(0));
    expect(bus.published).toEqual(ids(sent));
  });

  it('sweeps only rows past the grace, oldest first, in batches, each with one confirm wait', async () => {
    const bus = new RecordingBus();
    const outbox = newOutbox(bus, { graceMs: 10_000, sweepBatchSize: 4 });
    const old = many(6);
    await leftovers(old, 60);
    const recent = many(2);
    await leftovers(recent, 1);

    expect(await outbox.sweep()).toBe(6);
    expect(bus.waits).toEqual([ids(old.slice(0, 4)), ids(old.slice(4))]);
    expect(await rows()).toEqual(ids(recent));
    expect(await outbox.sweep()).toBe(0);
  });

  it('sweeps a row that names its events as the events its references make, in the rows\' order, in the sweep\'s transaction', async () => {
    const bus = new RecordingBus();
    const named = [many(2), many(1)];
    const asked: unknown[][] = [];
    const outbox = newOutbox(bus, {
      references: {
        type: 'batch',
        countOf: (payload) => named[(payload as { n: number }).n].length,
        async eventsOf(trx, payloads) {
          asked.push(payloads);
          // The rows are still there, locked by this transaction.
          expect(Number((await trx(TABLE).count<{ count: string }[]>('* as count'))[0].count)).toBe(4);
          return payloads.map((payload) => named[(payload as { n: number }).n]);
        },
      },
    });
    const [before, after] = [many(1), many(1)];
    await leftovers(before, 60);
    const reference = (n: number) => ({ event_id: `00000000-0000-4000-8000-00000000000${n}`, type: 'batch', routing_key: '', payload: JSON.stringify({ n }), created_at: db.knex.raw("now() - interval '60 seconds'") });
    await db.knex(TABLE).insert([reference(0), reference(1)]);
    await leftovers(after, 60);

    expect(await outbox.sweep()).toBe(4);
    expect(asked).toEqual([[{ n: 0 }, { n: 1 }]]);
    expect(bus.waits).toEqual([ids([...before, ...named[0], ...named[1], ...after])]);
    expect(await rows()).toEqual([]);
  });

  it('takes the oldest rows whose events fit in sweepMaxEvents (at least one) a transaction, the rest in the next', async () => {
    const bus = new RecordingBus();
    const sizes = [3, 3, 1, 9, 1];
    const named = sizes.map((n) => many(n));
    const outbox = newOutbox(bus, {
      sweepMaxEvents: 7,
      references: { type: 'batch', countOf: (payload) => sizes[(payload as { n: number }).n], eventsOf: async (_trx, payloads) => payloads.map((payload) => named[(payload as { n: number }).n]) },
    });
    const reference = (n: number) => ({ event_id: `00000000-0000-4000-8000-00000000001${n}`, type: 'batch', routing_key: '', payload: JSON.stringify({ n }), created_at: db.knex.raw("now() - interval '60 seconds'") });
    await db.knex(TABLE).insert(sizes.map((_, n) => reference(n)));

    expect(await outbox.sweep()).toBe(5);
    // 3 + 3 + 1; then 9 alone (more than the budget, but at least one row); then 1.
    expect(bus.waits).toEqual([ids([...named[0], ...named[1], ...named[2]]), ids(named[3]), ids(named[4])]);
    expect(await rows()).toEqual([]);
  });

  it('skips rows another sweeper holds, and publishes them once it let go without them', async () => {
    const bus = new RecordingBus();
    const outbox = newOutbox(bus);
    const sent = many(6);
    await leftovers(sent);
    const other = await db.knex.transaction();
    try {
      await other.raw(`select id from ${TABLE} where event_id = any(?::uuid[]) for update`, [ids(sent.slice(0, 2))]);
      expect(await outbox.sweep()).toBe(4);
      expect(bus.published).toEqual(ids(sent.slice(2)));
    } finally {
      // The other sweeper failed (its broker was away): its transaction rolls back.
      await other.rollback();
    }
    expect(await outbox.sweep()).toBe(2);
    expect(bus.published).toEqual(ids([...sent.slice(2), ...sent.slice(0, 2)]));
    expect(await rows()).toEqual([]);
  });

  it('lets two instances sweep one table at once, each row published by one of them', async () => {
    const [busA, busB] = [new RecordingBus(), new RecordingBus()];
    busA.delayMs = busB.delayMs = 5;
    const [a, b] = [newOutbox(busA, { sweepBatchSize: 7 }), newOutbox(busB, { sweepBatchSize: 7 })];
    const sent = many(100);
    await leftovers(sent);
    const [sweptA, sweptB] = await Promise.all([a.sweep(), b.sweep()]);
    expect(sweptA + sweptB).toBe(100);
    expect([...busA.published, ...busB.published].sort()).toEqual(ids(sent).sort());
    expect(await rows()).toEqual([]);
  });

  it('publishes again what a process that crashed after the confirm had not deleted (at least once)', async () => {
    const crashed = new RecordingBus();
    const delivered: string[] = [];
    // The broker takes the events; the process dies before it hears the confirm, so it never deletes.
    crashed.beforePublish = (events) => {
      delivered.push(...ids(events));
      return new Promise<void>(() => undefined);
    };
    const before = createOutbox({ knex: db.knex, table: TABLE, bus: crashed, logger });
    const sent = await before.transaction(async (_trx, record) => {
      const events = many(2);
      record(events);
      return events;
    });
    expect(delivered).toEqual(ids(sent));
    await db.knex(TABLE).update({ created_at: db.knex.raw(`now() - interval '1 minute'`) });

    const restarted = new RecordingBus();
    const after = newOutbox(restarted);
    expect(await after.sweep()).toBe(2);
    expect(restarted.published).toEqual(ids(sent));
    expect(await rows()).toEqual([]);
  });

  it('publishes what is under way on stop(), and neither publishes nor sweeps after it', async () => {
    const bus = new RecordingBus();
    bus.delayMs = 50;
    const outbox = newOutbox(bus, { sweepIntervalMs: 20 });
    outbox.start();
    const sent = await outbox.transaction(async (_trx, record) => {
      const events = many(3);
      record(events);
      return events;
    });
    await outbox.stop();
    expect(bus.published).toEqual(ids(sent));
    expect(await rows()).toEqual([]);

    // A late commit, and what a crashed predecessor left: both wait for the next start.
    const attempts = bus.attempts;
    await outbox.transaction(async (_trx, record) => record(many(2)));
    await leftovers(many(3));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bus.attempts).toBe(attempts);
    expect(await outbox.pending()).toBe(5);
  });

  it('reports its backlog to Prometheus once started', async () => {
    const bus = new RecordingBus();
    bus.failing = () => true;
    const outbox = newOutbox(bus, { sweepIntervalMs: 60_000 });
    outbox.start();
    await outbox.transaction(async (_trx, record) => record(many(3)));
    await outbox.flush();
    expect(await renderMetrics()).toContain(`parley_outbox_backlog{table="${TABLE}"} 3`);
  });
});
