import { randomUUID } from 'node:crypto';
import type { Identity } from '@parley/contracts';
import type { MarkingCheck, ReadReceiptRepository } from '../domain/message.ports';
import { unreadFrom } from '../domain/message.service';
import { ana, cleo, root } from '../testing/identities';
import { newMessage, openMessageDatabase, readEvent, type MessageDatabase } from '../testing/message-database';
import { createReadReceiptRepository } from './read-receipt.repository';

jest.setTimeout(30_000);

describe('private notes in storage (PostgreSQL)', () => {
  let store: MessageDatabase;
  let receipts: ReadReceiptRepository;

  beforeAll(async () => {
    store = await openMessageDatabase();
    receipts = createReadReceiptRepository(store.db.knex, store.publisher);
  });
  afterAll(() => store.stop());

  const send = async (sessionId: string, sender: Identity, content: string, message_type: 'text' | 'note' = 'text') =>
    (await store.messages.send(newMessage(sessionId, sender, { content, message_type }))).message;
  const unread = async (identity: Identity, sessionId: string) => (await store.messages.unreadCounts(identity.userId, [sessionId], unreadFrom(identity))).get(sessionId) ?? 0;
  const seqs = (messages: { seq: number }[]) => messages.map((m) => m.seq);

  /** question (1), note (2), reply (3), note (4) */
  async function chat() {
    const sessionId = randomUUID();
    const question = await send(sessionId, cleo, 'Where is my order?');
    const note = await send(sessionId, ana, 'Courier is late again', 'note');
    const reply = await send(sessionId, ana, 'Checking');
    const lastNote = await send(sessionId, root, 'Refund if over an hour', 'note');
    return { sessionId, question, note, reply, lastNote };
  }

  it('stores a note with its type, and pages and catch-ups leave it out unless asked for', async () => {
    const { sessionId } = await chat();
    const [mine, staff, after, afterStaff] = await Promise.all([
      store.messages.listPage(sessionId, 10, 0, false),
      store.messages.listPage(sessionId, 10, 0, true),
      store.messages.listAfter(sessionId, 1, 10, false),
      store.messages.listAfter(sessionId, 1, 10, true),
    ]);
    expect(seqs(mine.messages)).toEqual([1, 3]);
    expect(staff.messages.map((m) => m.message_type)).toEqual(['text', 'note', 'text', 'note']);
    expect(seqs(after.messages)).toEqual([3]);
    expect(seqs(afterStaff.messages)).toEqual([2, 3, 4]);
    // The last seq counts the notes a requester does not see: seqs are the session's.
    expect([mine, staff, after, afterStaff].map((page) => page.lastSeq)).toEqual([4, 4, 4, 4]);
    // The page by offset counts only what the reader sees.
    expect(seqs((await store.messages.listPage(sessionId, 1, 1, false)).messages)).toEqual([1]);
    expect(await store.messages.listAfter(sessionId, 0, 1, true).then((page) => page.lastSeq)).toBe(4);
  });

  it("answers each reader's last message, and no note counts as unread on either side", async () => {
    const { sessionId } = await chat();
    expect((await store.messages.lastMessages([sessionId], false)).get(sessionId)).toMatchObject({ seq: 3, content: 'Checking' });
    expect((await store.messages.lastMessages([sessionId], true)).get(sessionId)).toMatchObject({ seq: 4, message_type: 'note' });
    expect(await unread(cleo, sessionId)).toBe(1);
    // Another agent has the customer's question to read, not the notes.
    expect(await unread({ ...root, userId: 'admin-2' }, sessionId)).toBe(1);
    await send(sessionId, root, 'Another note', 'note');
    expect(await unread(cleo, sessionId)).toBe(1);
  });

  it('never lets a requester find or mark a note; a staff reader marks them', async () => {
    const { sessionId, question, note, reply, lastNote } = await chat();
    // The check of a requester's marking never sees the note; a staff reader's does.
    const seen: Array<Array<{ id: string; sender_id: string }>> = [];
    const record: MarkingCheck = (found) => void seen.push(found);
    expect(await receipts.markMessages(sessionId, cleo.userId, [note.id, reply.id], readEvent(sessionId, cleo.userId), false, record)).toEqual([reply.id]);
    expect(await receipts.markMessages(sessionId, root.userId, [note.id], readEvent(sessionId, root.userId), true, record)).toEqual([note.id]);
    expect(seen).toEqual([[{ id: reply.id, sender_id: ana.userId }], [{ id: note.id, sender_id: ana.userId }]]);
    expect(await receipts.markAll(sessionId, cleo.userId, readEvent(sessionId, cleo.userId), false)).toEqual([]);
    expect(await unread(cleo, sessionId)).toBe(0);
    const readers = await store.db.knex('message_read_receipts').where({ session_id: sessionId, user_id: cleo.userId }).pluck('message_id');
    expect(readers).toEqual([reply.id]);
    // A staff reader's "everything" takes in a colleague's note (never their own).
    expect((await receipts.markAll(sessionId, ana.userId, readEvent(sessionId, ana.userId), true)).sort()).toEqual([question.id, lastNote.id].sort());
  });

  it('refuses a message type the schema does not know', async () => {
    await expect(store.db.knex('chat_messages').insert({ session_id: randomUUID(), seq: 1, sender_id: 'x', sender_role: 'support', sender_name: 'X', content: 'x', message_type: 'memo' })).rejects.toThrow(
      /chat_messages_type_check/,
    );
  });
});
