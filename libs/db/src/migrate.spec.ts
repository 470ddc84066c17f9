import { createTestDatabase, type TestDatabase } from './test-database';
import { migrationSource } from '@parley/migrations';
import { migrateLatest } from './migrate';

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
    await db.knex.migrate.down({ migrationSource });
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

    expect(await migrateLatest(db.knex)).toEqual(['20261128_001_unread_totals']);
    const rows = await db.knex('chat_messages').where({ session_id: session }).orderBy('seq').select('requesters_so_far', 'staff_so_far');
    expect(rows.map((r) => [Number(r.requesters_so_far), Number(r.staff_so_far)])).toEqual([[1, 0], [1, 1], [1, 1], [2, 1], [2, 2]]);
    const counter = await db.knex('message_session_counters').where({ session_id: session }).first();
    expect([Number(counter.requesters_so_far), Number(counter.staff_so_far)]).toEqual([2, 2]);
    const receipt = await db.knex('message_read_receipts').where({ message_id: ids[3].id }).first();
    expect(Number(receipt.seq)).toBe(4);
  });
});
