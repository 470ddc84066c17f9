import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@parley/contracts';
import { ana, cleo } from '../testing/identities';
import { newMessage, openMessageDatabase, type MessageDatabase } from '../testing/message-database';

jest.setTimeout(30_000);

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('message repository under concurrent sends (PostgreSQL)', () => {
  let store: MessageDatabase;

  beforeAll(async () => {
    store = await openMessageDatabase();
  });
  afterAll(() => store.stop());

  it('gives 50 concurrent sends to one session the seqs 1..50, each exactly once', async () => {
    const sessionId = randomUUID();
    const results = await Promise.all(
      range(50).map((i) => store.messages.send(newMessage(sessionId, i % 2 ? cleo : ana, { content: `m${i}` }))),
    );

    expect(results.every((r) => r.created)).toBe(true);
    expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(range(50));
    expect(new Set(results.map((r) => r.message.id)).size).toBe(50);
    expect(await store.messages.listAfter(sessionId, 0, 1, true).then((page) => page.lastSeq)).toBe(50);
    const stored = (await store.messages.listAfter(sessionId, 0, 100, true)).messages;
    expect(stored.map((m) => m.seq)).toEqual(range(50));
    const events = (await store.published()).filter((event) => event.routing_key === `session.${sessionId}.message.created`);
    const announced = events.map((event) => (event as EventEnvelope<'message.created'>).data.message);
    expect(announced.map((m) => m.seq).sort((a, b) => a - b)).toEqual(range(50));
    expect(new Set(announced.map((m) => m.id))).toEqual(new Set(stored.map((m) => m.id)));
  });

  it('numbers concurrent sends to different sessions independently', async () => {
    const sessions = [randomUUID(), randomUUID(), randomUUID()];
    await Promise.all(sessions.flatMap((sessionId) => range(10).map(() => store.messages.send(newMessage(sessionId, cleo)))));
    for (const sessionId of sessions) {
      expect(((await store.messages.listAfter(sessionId, 0, 100, true)).messages).map((m) => m.seq)).toEqual(range(10));
    }
  });

  it.each([
    ['as the first message of a session', 0],
    ['after other messages', 3],
  ])('stores one message for concurrent sends of the same temp_id %s, and answers every caller with it', async (_label, earlier) => {
    const sessionId = randomUUID();
    for (let i = 0; i < earlier; i++) await store.messages.send(newMessage(sessionId, ana, { content: 'Hi, how can I help?' }));
    const before = (await store.published()).length;

    const results = await Promise.all(range(10).map(() => store.messages.send(newMessage(sessionId, cleo, { temp_id: 'tap-tap-tap' }))));

    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.map((r) => r.message.seq)).toEqual(range(10).map(() => earlier + 1));
    expect(await store.db.knex('chat_messages').where({ session_id: sessionId, temp_id: 'tap-tap-tap' }).select('id')).toHaveLength(1);
    expect(await store.published()).toHaveLength(before + 1);
    expect(await store.messages.listAfter(sessionId, 0, 1, true).then((page) => page.lastSeq)).toBe(earlier + 1);
  });
});
