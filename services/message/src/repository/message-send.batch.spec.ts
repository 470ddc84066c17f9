import { randomUUID } from 'node:crypto';
import type { Outcome } from '@parley/batching';
import type { EventEnvelope } from '@parley/contracts';
import pino from 'pino';
import { createOutbox } from '@parley/bus';
import { createKnex } from '@parley/db';
import type { SendResult } from '../domain/message.ports';
import { ana, cleo } from '../testing/identities';
import { messageCreated, newMessage, openMessageDatabase, type MessageDatabase } from '../testing/message-database';
import { createSendBatch, type CommittedEvent, type SendRequest } from './message-send.batch';
import { createMessageRepository } from './message.repository';

jest.setTimeout(30_000);

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const valueOf = (outcome: Outcome<SendResult>) => {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
};

describe('a batch of sends in one statement (PostgreSQL)', () => {
  let store: MessageDatabase;
  let committed: CommittedEvent[][];
  let sendBatch: (requests: SendRequest[]) => Promise<Outcome<SendResult>[]>;

  beforeAll(async () => {
    store = await openMessageDatabase();
    sendBatch = createSendBatch(store.db.knex, 'message_outbox', (events) => committed.push(events));
  });
  beforeEach(() => {
    committed = [];
  });
  afterAll(() => store.stop());

  it('numbers the messages of many sessions in the order given, each session after its own last seq', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await store.messages.send(newMessage(b, ana, { content: 'earlier' }), messageCreated);
    const order = [a, b, a, a, b];
    const outcomes = await sendBatch(order.map((sessionId, i) => ({ message: newMessage(sessionId, i % 2 ? ana : cleo, { content: `m${i}` }), eventsFor: messageCreated })));
    expect(outcomes.map((o) => [valueOf(o).message.session_id, valueOf(o).message.seq, valueOf(o).created])).toEqual([
      [a, 1, true],
      [b, 2, true],
      [a, 2, true],
      [a, 3, true],
      [b, 3, true],
    ]);
    expect(((await store.messages.listAfter(a, 0, 10, true)).messages).map((m) => m.content)).toEqual(['m0', 'm2', 'm3']);
    expect(await store.messages.listAfter(b, 0, 1, true).then((page) => page.lastSeq)).toBe(3);
  });

  it('hands over the events of what it stored, with their seq and outbox rows, after the commit', async () => {
    const sessionId = randomUUID();
    const outcomes = await sendBatch(range(3).map((i) => ({ message: newMessage(sessionId, cleo, { content: `c${i}` }), eventsFor: messageCreated })));
    expect(committed).toHaveLength(1);
    const handed = committed[0];
    expect(handed.map((c) => (c.event as EventEnvelope<'message.created'>).data.message.seq)).toEqual([1, 2, 3]);
    const rows = await store.db.knex('message_outbox').whereIn('event_id', handed.map((c) => c.event.id)).select('id', 'event_id', 'payload');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const mine = handed.find((c) => c.event.id === row.event_id) as CommittedEvent;
      expect(String(row.id)).toBe(mine.id);
      expect(row.payload).toEqual(JSON.parse(JSON.stringify(mine.event)));
    }
    expect(outcomes.map((o) => valueOf(o).message.id)).toEqual(handed.map((c) => (c.event as EventEnvelope<'message.created'>).data.message.id));
  });

  it('stores one message for a temp_id sent twice in one batch and answers both with it', async () => {
    const sessionId = randomUUID();
    const twice = () => ({ message: newMessage(sessionId, cleo, { temp_id: 'double-tap' }), eventsFor: messageCreated });
    const [first, second, other] = (await sendBatch([twice(), twice(), { message: newMessage(sessionId, ana), eventsFor: messageCreated }])).map(valueOf);
    expect(first.created).toBe(true);
    expect(second).toEqual({ message: first.message, created: false });
    expect(other.message.seq).toBe(2);
    expect(committed.flat()).toHaveLength(2);
  });

  it('answers a temp_id stored by an earlier batch with the stored message, writing nothing', async () => {
    const sessionId = randomUUID();
    const stored = await store.messages.send(newMessage(sessionId, cleo, { temp_id: 'again' }), messageCreated);
    await store.db.knex('message_read_receipts').insert({ message_id: stored.message.id, session_id: sessionId, user_id: ana.userId, seq: 1 });
    const [answer] = (await sendBatch([{ message: newMessage(sessionId, cleo, { temp_id: 'again', content: 'changed' }), eventsFor: messageCreated }])).map(valueOf);
    expect(answer.created).toBe(false);
    expect(answer.message).toMatchObject({ id: stored.message.id, seq: 1, content: 'Hello', read_by: [{ user_id: ana.userId, read_at: expect.any(String) }] });
    expect(committed).toEqual([]);
    expect(await store.messages.listAfter(sessionId, 0, 1, true).then((page) => page.lastSeq)).toBe(1);
  });

  it('fails only the send whose events cannot be made; its neighbours are stored without a seq gap', async () => {
    const sessionId = randomUUID();
    const outcomes = await sendBatch([
      { message: newMessage(sessionId, cleo, { content: 'one' }), eventsFor: messageCreated },
      {
        message: newMessage(sessionId, cleo, { content: 'broken' }),
        eventsFor: () => {
          throw new Error('no event');
        },
      },
      { message: newMessage(sessionId, cleo, { content: 'two' }), eventsFor: messageCreated },
    ]);
    expect(outcomes[1]).toEqual({ ok: false, error: new Error('no event') });
    expect([valueOf(outcomes[0]).message.seq, valueOf(outcomes[2]).message.seq]).toEqual([1, 2]);
    expect(((await store.messages.listAfter(sessionId, 0, 10, true)).messages).map((m) => m.content)).toEqual(['one', 'two']);
  });

  it('keeps seqs whole and each temp_id once when two services send to the same sessions at once', async () => {
    // A second message service on the same database: its own pool and its own batches.
    const otherKnex = createKnex({ url: store.db.url, poolMax: 5 });
    const otherOutbox = createOutbox({ knex: otherKnex, table: 'message_outbox', bus: store.bus, logger: pino({ level: 'silent' }) });
    const other = createMessageRepository(otherKnex, otherOutbox);
    try {
      const sessions = range(4).map(() => randomUUID());
      const sends = sessions.flatMap((sessionId) =>
        range(20).flatMap((i) => [
          [store.messages, newMessage(sessionId, cleo, { temp_id: `t${i}` })] as const,
          [other, newMessage(sessionId, cleo, { temp_id: `t${i}` })] as const,
          [i % 2 ? store.messages : other, newMessage(sessionId, ana)] as const,
        ]),
      );
      const results = await Promise.all(sends.map(([repository, message]) => repository.send(message, messageCreated)));
      for (const sessionId of sessions) {
        const stored = (await store.messages.listAfter(sessionId, 0, 1000, true)).messages;
        expect(stored.map((m) => m.seq)).toEqual(range(40));
        expect(stored.filter((m) => m.temp_id !== null)).toHaveLength(20);
      }
      // Both services' answers for a temp_id name the one stored message.
      const byTemp = new Map<string, Set<string>>();
      results.forEach((r) => r.message.temp_id && byTemp.set(`${r.message.session_id}/${r.message.temp_id}`, (byTemp.get(`${r.message.session_id}/${r.message.temp_id}`) ?? new Set()).add(r.message.id)));
      expect([...byTemp.values()].every((ids) => ids.size === 1)).toBe(true);
    } finally {
      await otherOutbox.flush();
      await otherKnex.destroy();
    }
  });
});
