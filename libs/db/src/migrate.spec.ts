import { createTestDatabase, type TestDatabase } from './test-database';
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
