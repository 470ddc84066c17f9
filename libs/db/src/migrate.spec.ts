import { createTestDatabase, type TestDatabase } from './test-database';
import { migrationSource } from '@parley/migrations';
import { migrateLatest } from './migrate';

/** Undoes migrations, newest first, until `name` is undone too: the database as it stood before it. */
async function migrateDownThrough(knex: TestDatabase['knex'], name: string): Promise<void> {
  for (;;) {
    const [completed] = (await knex.migrate.list({ migrationSource })) as [Array<{ name: string } | string>, unknown];
    if (!completed.map((m) => (typeof m === 'string' ? m : m.name)).includes(name)) return;
    await knex.migrate.down({ migrationSource });
  }
}

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates the seed tables and what the design adds', async () => {
    const { rows } = await db.knex.raw<{ rows: { table_name: string }[] }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'chat_sessions',
        'chat_messages',
        'message_attachments',
        'message_read_receipts',
        'typing_indicators',
        'session_outbox',
        'message_outbox',
        'message_session_counters',
        'message_read_cursors',
      ]),
    );
  });

  it('is a no-op when run again', async () => {
    expect(await migrateLatest(db.knex)).toEqual([]);
  });

  it('refuses a status outside the lifecycle', async () => {
    await expect(
      db.knex('chat_sessions').insert({ subject: 's', status: 'lost', customer_id: 'c', customer_role: 'customer', customer_name: 'C' }),
    ).rejects.toThrow(/chat_sessions_status_check/);
  });

  it('keeps one message per session, sender and temp_id', async () => {
    const row = { session_id: '00000000-0000-4000-8000-000000000001', sender_id: 'u', sender_role: 'customer', sender_name: 'U', content: 'hi', temp_id: 't-1' };
    await db.knex('chat_messages').insert({ ...row, seq: 1 });
    await expect(db.knex('chat_messages').insert({ ...row, seq: 2 })).rejects.toThrow(/chat_messages_temp_id_key/);
  });
});

describe('migration 20261128_001 (unread totals) on a database that already holds messages', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('fills in the totals of every message and session and the seq of every receipt', async () => {
    await migrateDownThrough(db.knex, '20261128_001_unread_totals');
    const session = '00000000-0000-4000-8000-0000000000a1';
    const senders = [
      ['c', 'customer'],
      ['a', 'support'],
      ['parley', 'system'],
      ['c', 'customer'],
      ['r', 'admin'],
    ];
    const ids = await db.knex('chat_messages')
      .insert(senders.map(([id, role], i) => ({ session_id: session, seq: i + 1, sender_id: id, sender_role: role, sender_name: id, content: `m${i + 1}` })))
      .returning('id');
    await db.knex('message_session_counters').insert({ session_id: session, last_seq: 5 });
    await db.knex('message_read_receipts').insert({ message_id: ids[3].id, session_id: session, user_id: 'a' });

    expect((await migrateLatest(db.knex))[0]).toBe('20261128_001_unread_totals');
    const rows = await db.knex('chat_messages').where({ session_id: session }).orderBy('seq').select('requesters_so_far', 'staff_so_far');
    expect(rows.map((r) => [Number(r.requesters_so_far), Number(r.staff_so_far)])).toEqual([[1, 0], [1, 1], [1, 1], [2, 1], [2, 2]]);
    const counter = await db.knex('message_session_counters').where({ session_id: session }).first();
    expect([Number(counter.requesters_so_far), Number(counter.staff_so_far)]).toEqual([2, 2]);
    const receipt = await db.knex('message_read_receipts').where({ message_id: ids[3].id }).first();
    expect(Number(receipt.seq)).toBe(4);
  });
});

describe('migration 20261203_004 (message_sessions) on a database that already holds sessions', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("gives the message service every session's requester, status and opening", async () => {
    await migrateDownThrough(db.knex, '20261203_004_message_sessions');
    const opened = new Date('2026-11-30T10:00:00Z');
    const [row] = await db.knex('chat_sessions')
      .insert({ subject: 'Old chat', status: 'resolved', customer_id: 'cust-7', customer_role: 'customer', customer_name: 'Cleo', created_at: opened })
      .returning(['id', 'updated_at']);

    expect(await migrateLatest(db.knex)).toContain('20261203_004_message_sessions');
    const known = await db.knex('message_sessions').where({ session_id: row.id }).first();
    expect(known).toEqual({ session_id: row.id, requester_id: 'cust-7', status: 'resolved', opened_at: opened, changed_at: row.updated_at });
  });
});

describe('migration 20261203_005 (search) on a database that already holds messages', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('gives every message its words, and every new one as it is stored', async () => {
    await migrateDownThrough(db.knex, '20261203_005_message_search_index');
    const session = '00000000-0000-4000-8000-0000000000b1';
    const old = (seq: number, content: string) => ({ session_id: session, seq, sender_id: 'c', sender_role: 'customer', sender_name: 'C', content });
    await db.knex('chat_messages').insert([old(1, 'Cold Pizza again'), old(2, 'Refund please')]);

    expect((await migrateLatest(db.knex))[0]).toBe('20261203_005_message_search_index');
    await db.knex('chat_messages').insert(old(3, 'Still waiting for the refund'));
    const words = await db.knex('chat_messages').where({ session_id: session }).orderBy('seq').select(db.knex.raw('search_vector::text as words'));
    expect(words.map((w) => w.words)).toEqual([`'again':3 'cold':1 'pizza':2`, `'please':2 'refund':1`, `'for':3 'refund':5 'still':1 'the':4 'waiting':2`]);
  });
});

describe('migration 20261206_001 (the search index\'s pending list)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const pendingListLimit = async () =>
    (await db.knex.raw<{ rows: Array<{ reloptions: string[] | null }> }>("select reloptions from pg_class where relname = 'chat_messages_search_idx'")).rows[0].reloptions;

  it('caps the pending list at 64 kB, so no insert waits for a merge of megabytes; undone, PostgreSQL\'s default again', async () => {
    expect(await pendingListLimit()).toEqual(['gin_pending_list_limit=64']);
    await migrateDownThrough(db.knex, '20261206_001_search_pending_list');
    expect(await pendingListLimit()).toBeNull();
    await migrateLatest(db.knex);
    expect(await pendingListLimit()).toEqual(['gin_pending_list_limit=64']);
  });
});

describe('migration 20261129_001 (outbox sweep) on outboxes the old relay used', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('drops the rows already published from every outbox (they now delete them), and keeps the unpublished ones', async () => {
    await migrateDownThrough(db.knex, '20261129_001_outbox_sweep');
    const row = (table: string, n: number, published: boolean) => ({
      event_id: `00000000-0000-4000-8000-000000000${table.length}${n}`,
      type: 'x',
      routing_key: 'x',
      payload: '{}',
      published_at: published ? new Date() : null,
    });
    for (const table of ['session_outbox', 'presence_outbox', 'message_outbox']) await db.knex(table).insert([row(table, 1, true), row(table, 2, false)]);

    expect(await migrateLatest(db.knex)).toContain('20261129_001_outbox_sweep');
    // What is left is the unpublished row (a later migration drops `published_at` itself).
    const left = async (table: string) => (await db.knex(table).orderBy('id').select('event_id')).map((r) => r.event_id);
    for (const table of ['session_outbox', 'presence_outbox', 'message_outbox']) expect(await left(table)).toEqual([row(table, 2, false).event_id]);
  });
});

describe('migration 20261208_001 (outboxes keep their key alone)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const OUTBOXES = ['session_outbox', 'presence_outbox', 'message_outbox'];
  const indexesOf = async (table: string) =>
    (await db.knex.raw<{ rows: Array<{ indexname: string }> }>('select indexname from pg_indexes where tablename = ? order by indexname', [table])).rows.map((r) => r.indexname);
  const columnsOf = async (table: string) => Object.keys(await db.knex(table).columnInfo()).sort();

  it('leaves every outbox its primary key and the columns the outbox uses; undone, the old indexes and columns again', async () => {
    for (const table of OUTBOXES) {
      expect(await indexesOf(table)).toEqual([`${table}_pkey`]);
      expect(await columnsOf(table)).toEqual(['created_at', 'event_id', 'id', 'payload', 'routing_key', 'type']);
    }
    await migrateDownThrough(db.knex, '20261208_001_outbox_key_only');
    for (const table of OUTBOXES) {
      expect(await indexesOf(table)).toEqual([`${table}_created_idx`, `${table}_event_id_unique`, `${table}_pending_idx`, `${table}_pkey`, `${table}_published_idx`]);
      expect(await columnsOf(table)).toContain('published_at');
    }
    expect(await migrateLatest(db.knex)).toEqual(['20261208_001_outbox_key_only']);
    for (const table of OUTBOXES) expect(await indexesOf(table)).toEqual([`${table}_pkey`]);
  });

  it('waits for an outbox a sweep holds in short tries, not in one long wait, and applies once it is let go', async () => {
    await migrateDownThrough(db.knex, '20261208_001_outbox_key_only');
    // A sweep's transaction holds the message outbox's rows (a row-share lock) for 3 s.
    const sweep = await db.knex.transaction();
    await sweep.raw('lock table message_outbox in row share mode');
    const migrated = migrateLatest(db.knex);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // Between two tries the outbox takes inserts (a single wait would hold them all until the end).
    const inserted = await db.knex('message_outbox').insert({ event_id: '00000000-0000-4000-8000-0000000000f1', type: 'x', routing_key: 'x', payload: '{}' }).returning('id');
    expect(inserted).toHaveLength(1);
    await sweep.commit();
    expect(await migrated).toEqual(['20261208_001_outbox_key_only']);
    for (const table of OUTBOXES) expect(await indexesOf(table)).toEqual([`${table}_pkey`]);
  }, 20_000);
});
