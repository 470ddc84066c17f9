import { CommitWith, pipelinedTransaction } from './pipelined-transaction';
import { recordRoundTrips } from './round-trips';
import { createTestDatabase, type TestDatabase } from './test-database';

jest.setTimeout(30_000);

describe('pipelinedTransaction', () => {
  let db: TestDatabase;
  /** The texts each round trip of the pool's connections sent, in order. */
  let roundTrips: string[];
  beforeAll(async () => {
    db = await createTestDatabase('parley_pipeline');
    await db.knex.raw('create table pipeline_items (id serial primary key, label text not null)');
    roundTrips = recordRoundTrips(db.knex).texts;
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    roundTrips.length = 0;
    await db.knex('pipeline_items').delete();
  });

  it('sends what is queued side by side as one round trip, BEGIN with the first and COMMIT with the last, in order', async () => {
    const { knex } = db;
    const answer = await pipelinedTransaction(knex, async (trx) => {
      const [, counted] = await Promise.all([trx.query(knex('pipeline_items').insert({ label: 'first' })), trx.query<{ n: string }>(knex('pipeline_items').count('* as n'))]);
      void trx.query(knex('pipeline_items').insert({ label: 'second' }));
      return Number(counted[0].n);
    });
    expect(answer).toBe(1);
    expect(roundTrips).toHaveLength(2);
    expect(roundTrips[0]).toMatch(/^begin;\ninsert into "pipeline_items" .*;\nselect count/);
    expect(roundTrips[1]).toMatch(/^insert into "pipeline_items" .*;\ncommit$/);
    expect((await knex('pipeline_items').orderBy('id').select('label')).map((r) => r.label)).toEqual(['first', 'second']);
  });

  it('sends the COMMIT with the statements a CommitWith value waits for, and answers that value', async () => {
    const { knex } = db;
    const answer = await pipelinedTransaction(knex, async (trx) => {
      await trx.query(knex('pipeline_items').insert({ label: 'first' }));
      void trx.query(knex('pipeline_items').insert({ label: 'second' }));
      return new CommitWith(trx.query<{ n: string }>(knex('pipeline_items').count('* as n')).then((rows) => Number(rows[0].n)));
    });
    expect(answer).toBe(2);
    expect(roundTrips).toHaveLength(2);
    expect(roundTrips[1]).toMatch(/^insert into "pipeline_items" .*;\nselect count.*;\ncommit$/);

    // A failure in that round trip rolls the transaction back and is thrown.
    await expect(
      pipelinedTransaction(knex, async (trx) => {
        const third = trx.query(knex('pipeline_items').insert({ label: 'third' }));
        return new CommitWith(Promise.all([third, trx.query(knex.raw('select 1 / 0'))]));
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await knex('pipeline_items').count('* as n')).toEqual([{ n: 2 }]);
  });

  it('binds every kind of parameter so that it reads back the same', async () => {
    const { knex } = db;
    const text = `it's a "quote" \\ back\\slash, comma; semicolon -- not a comment $1 ?`;
    const date = new Date('2026-12-05T10:11:12.345Z');
    const [row] = await pipelinedTransaction(knex, (trx) =>
      trx.query<Record<string, unknown>>(
        knex.raw('select ?::text as text, ?::int as negative, ?::float8 as fraction, ?::boolean as yes, ?::text as nothing, ?::timestamptz as at, ?::text[] as list, ?::jsonb as doc', [
          text,
          -42,
          0.5,
          true,
          null,
          date,
          ['a,b', 'c"d', 'e\\f', '{g}', 'é ✓'],
          JSON.stringify({ text, n: 1 }),
        ]),
      ),
    );
    expect(row).toEqual({ text, negative: -42, fraction: 0.5, yes: true, nothing: null, at: date, list: ['a,b', 'c"d', 'e\\f', '{g}', 'é ✓'], doc: { text, n: 1 } });
  });

  it('rolls everything back when a statement fails, rejects its neighbours, and throws', async () => {
    const { knex } = db;
    let neighbour: Promise<unknown> | undefined;
    await expect(
      pipelinedTransaction(knex, async (trx) => {
        await trx.query(knex('pipeline_items').insert({ label: 'kept only if committed' }));
        neighbour = trx.query(knex('pipeline_items').insert({ label: 'after the failure' }));
        await trx.query(knex.raw('select 1 / 0'));
      }),
    ).rejects.toThrow(/division by zero/);
    await expect(neighbour).rejects.toThrow(/division by zero/);
    expect(await knex('pipeline_items').count('* as n')).toEqual([{ n: 0 }]);
    // The connection went back to the pool usable: not inside the failed transaction.
    expect((await knex.raw('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('reads, in the round trip that takes a lock, what the lock holder committed while it waited', async () => {
    const { knex } = db;
    let release: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = knex.transaction(async (trx) => {
      await trx.raw('select pg_advisory_xact_lock(4242)');
      locked();
      await holding;
      await trx('pipeline_items').insert({ label: 'committed by the holder' });
    });
    await lockTaken;
    const reader = pipelinedTransaction(knex, async (trx) => {
      const [, rows] = await Promise.all([trx.query(knex.raw('select pg_advisory_xact_lock(4242)')), trx.query<{ label: string }>(knex('pipeline_items').select('label'))]);
      return rows.map((r) => r.label);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await holder;
    expect(await reader).toEqual(['committed by the holder']);
  });
});
