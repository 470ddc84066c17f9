import { randomUUID } from 'node:crypto';
import { ana, cleo } from '../testing/identities';
import { newMessage, openMessageDatabase, type MessageDatabase } from '../testing/message-database';

jest.setTimeout(30_000);

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('reads of many sessions at once (PostgreSQL)', () => {
  let store: MessageDatabase;
  const sessions = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    store = await openMessageDatabase();
    // 5, 10 and 0 messages: the last session has none yet.
    for (const [sessionId, count] of [
      [sessions[0], 5],
      [sessions[1], 10],
    ] as const) {
      for (const i of range(count)) await store.messages.send(newMessage(sessionId, i % 2 ? cleo : ana, { content: `${sessionId.slice(0, 4)}-${i}` }));
    }
  });
  afterAll(() => store.stop());

  it('answers each catch-up with its own session, after its own seq, within its own limit, oldest first', async () => {
    const [first, second, empty, again] = await Promise.all([
      store.messages.listAfter(sessions[0], 2, 10, true),
      store.messages.listAfter(sessions[1], 0, 4, true),
      store.messages.listAfter(sessions[2], 0, 10, true),
      store.messages.listAfter(sessions[0], 4, 10, true),
    ]);
    expect(first.messages.map((m) => [m.session_id, m.seq])).toEqual([3, 4, 5].map((seq) => [sessions[0], seq]));
    expect(second.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(empty).toEqual({ messages: [], lastSeq: 0 });
    expect(again.messages.map((m) => m.seq)).toEqual([5]);
    // Each page carries its session's last seq, read by the same statement (past the limit too).
    expect([first, second, again].map((page) => page.lastSeq)).toEqual([5, 10, 5]);
  });

  it('answers each newest page at its own offset, oldest first, with who read each message', async () => {
    const [latest] = (await store.messages.listAfter(sessions[1], 9, 1, true)).messages;
    await store.db.knex('message_read_receipts').insert({ message_id: latest.id, session_id: sessions[1], user_id: 'reader-1', seq: latest.seq });
    const [newest, older, beyond] = await Promise.all([store.messages.listPage(sessions[1], 3, 0, true), store.messages.listPage(sessions[1], 3, 3, true), store.messages.listPage(sessions[0], 3, 10, true)]);
    expect(newest.messages.map((m) => m.seq)).toEqual([8, 9, 10]);
    expect(newest.messages.at(-1)?.read_by.map((r) => r.user_id)).toEqual(['reader-1']);
    expect(older.messages.map((m) => m.seq)).toEqual([5, 6, 7]);
    expect(beyond).toEqual({ messages: [], lastSeq: 5 });
  });

  it('answers each last seq, 0 for a session without messages', async () => {
    expect(await Promise.all(sessions.map((id) => store.messages.listAfter(id, 0, 1, true).then((page) => page.lastSeq)))).toEqual([5, 10, 0]);
  });

  it('keeps reading pages after a migration adds a column to the messages while it runs', async () => {
    // The reads are prepared statements: a result whose columns followed the table would fail
    // every read of a running service after such a migration ("cached plan must not change result type").
    const read = () => Promise.all([store.messages.listAfter(sessions[0], 3, 10, true), store.messages.listPage(sessions[1], 2, 0, true)]);
    for (let i = 0; i < 3; i++) await read();
    await store.db.knex.raw('alter table chat_messages add column spec_added_later int');
    try {
      for (let i = 0; i < 3; i++) {
        const [after, newest] = await read();
        expect(after.messages.map((m) => m.seq)).toEqual([4, 5]);
        expect(newest.messages.map((m) => m.seq)).toEqual([9, 10]);
      }
    } finally {
      await store.db.knex.raw('alter table chat_messages drop column spec_added_later');
    }
  });
});
