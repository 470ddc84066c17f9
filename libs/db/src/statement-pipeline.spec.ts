import type { PoolClient } from 'pg';
import { pooledClient } from './pooled-client';
import { StatementPipeline, type PipelinedStatement } from './statement-pipeline';
import { createTestDatabase, type TestDatabase } from './test-database';

jest.setTimeout(30_000);

describe('StatementPipeline', () => {
  let db: TestDatabase;
  /** One connection of the pool, so that what a statement prepared stays visible to the next case. */
  let connection: PoolClient;
  const run = (statements: PipelinedStatement[]) => StatementPipeline.run(connection, statements);
  /** The statements prepared on the connection, by name. */
  const prepared = async () => (await connection.query<{ name: string }>('select name from pg_prepared_statements order by name')).rows.map((r) => r.name);

  beforeAll(async () => {
    db = await createTestDatabase('parley_statement_pipeline');
    connection = await pooledClient(db.knex).acquireConnection();
  });
  afterAll(async () => {
    await pooledClient(db.knex).releaseConnection(connection);
    await db.drop();
  });

  it("answers each statement's rows in order, parsed as node-postgres parses them", async () => {
    const rows = await run([
      { text: 'select $1::int + 1 as n, $2::bigint as big, $3::timestamptz as at', values: [41, '9007199254740', new Date('2026-12-07T10:00:00Z')] },
      { text: 'select unnest($1::text[]) as word', values: [['a,b', 'c"d', 'é ✓']] },
      { text: 'select 1 where false', values: [] },
      { text: 'select $1::jsonb as doc', values: [JSON.stringify({ text: "it's", n: 1 })] },
    ]);
    expect(rows).toEqual([
      [{ n: 42, big: 9007199254740, at: new Date('2026-12-07T10:00:00Z') }],
      [{ word: 'a,b' }, { word: 'c"d' }, { word: 'é ✓' }],
      [],
      [{ doc: { text: "it's", n: 1 } }],
    ]);
  });

  it('prepares a named statement once per connection and runs it again by name', async () => {
    const twice = { text: 'select $1::int * 2 as n', values: [21], name: 'spec-twice' };
    expect(await run([twice])).toEqual([[{ n: 42 }]]);
    expect(await prepared()).toContain('spec-twice');
    // Prepared already: parsing it again under the same name would fail ("already exists").
    expect(await run([{ ...twice, values: [5] }, twice])).toEqual([[{ n: 10 }], [{ n: 42 }]]);
  });

  it('refuses a name already prepared for another text, and runs nothing of the pipeline', async () => {
    await run([{ text: 'select 1 as n', values: [], name: 'spec-unique' }]);
    await connection.query('create temporary table pipeline_unique (n int)');
    await expect(
      run([
        { text: 'insert into pipeline_unique values (1)', values: [] },
        { text: 'select 2 as n', values: [], name: 'spec-unique' },
      ]),
    ).rejects.toThrow(/'spec-unique' was used for a different statement/);
    expect((await connection.query('select n from pipeline_unique')).rows).toEqual([]);
    // Within one pipeline too.
    await expect(
      run([
        { text: 'select 3 as n', values: [], name: 'spec-unique-2' },
        { text: 'select 4 as n', values: [], name: 'spec-unique-2' },
      ]),
    ).rejects.toThrow(/'spec-unique-2' was used for a different statement/);
    expect(await run([{ text: 'select 1 as n', values: [], name: 'spec-unique' }])).toEqual([[{ n: 1 }]]);
  });

  it('fails with the first failing statement, runs nothing after it, and leaves the connection usable', async () => {
    await connection.query('create temporary table pipeline_spec (n int)');
    await expect(
      run([
        { text: 'insert into pipeline_spec values (1)', values: [] },
        { text: 'select 1 / $1::int', values: [0] },
        { text: 'insert into pipeline_spec values (2)', values: [] },
      ]),
    ).rejects.toThrow(/division by zero/);
    // Outside a transaction the statements up to the Sync are one implicit transaction: the first insert went with it.
    expect((await connection.query('select n from pipeline_spec')).rows).toEqual([]);
    expect(await run([{ text: 'select 1 as one', values: [] }])).toEqual([[{ one: 1 }]]);
  });

  it('runs a named statement whose parse a failed pipeline skipped, and one whose parse it kept', async () => {
    // PostgreSQL skips everything after the failure up to the Sync: 'spec-skipped' was never prepared.
    await expect(run([{ text: 'select 1 / 0', values: [] }, { text: 'select 3 as n', values: [], name: 'spec-skipped' }])).rejects.toThrow(/division by zero/);
    expect(await prepared()).not.toContain('spec-skipped');
    expect(await run([{ text: 'select 3 as n', values: [], name: 'spec-skipped' }])).toEqual([[{ n: 3 }]]);

    // Here the parse ran before the failure: 'spec-kept' exists though its pipeline failed.
    await expect(run([{ text: 'select 4 as n', values: [], name: 'spec-kept' }, { text: 'select 1 / 0', values: [] }])).rejects.toThrow(/division by zero/);
    expect(await prepared()).toContain('spec-kept');
    expect(await run([{ text: 'select 4 as n', values: [], name: 'spec-kept' }])).toEqual([[{ n: 4 }]]);
  });

  it('refuses a value node-postgres cannot send, runs nothing, and stays usable', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await connection.query('create temporary table pipeline_values (n int)');
    await expect(
      run([
        { text: 'insert into pipeline_values values (1)', values: [] },
        { text: 'select $1::jsonb as doc', values: [circular] },
      ]),
    ).rejects.toThrow(/circular/i);
    expect((await connection.query('select n from pipeline_values')).rows).toEqual([]);
    expect(await run([{ text: 'select 2 as two', values: [] }])).toEqual([[{ two: 2 }]]);
  });
});
