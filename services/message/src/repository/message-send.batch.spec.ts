import { randomUUID } from 'node:crypto';
import type { Outcome } from '@parley/batching';
import pino from 'pino';
import { createOutbox } from '@parley/bus';
import { createKnex } from '@parley/db';
import type { SendResult } from '../domain/message.ports';
import { ana, cleo } from '../testing/identities';
import { newMessage, openMessageDatabase, type MessageDatabase } from '../testing/message-database';
import { createSendBatch, type CommittedEvent, type SendRequest } from './message-send.batch';
import { SENT_BATCH } from './message-sent.outbox';
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
    await store.messages.send(newMessage(b, ana, { content: 'earlier' }));
    const order = [a, b, a, a, b];
    const outcomes = await sendBatch(order.map((sessionId, i) => ({ message: newMessage(sessionId, i % 2 ? ana : cleo, { content: `m${i}` }) })));
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

  it('hands over the message.created of what it stored, with their seq, after the commit; one outbox row names them all', async () => {
    const sessionId = randomUUID();
    const outcomes = await sendBatch(range(3).map((i) => ({ message: newMessage(sessionId, cleo, { content: `c${i}` }), requestId: `r${i}` })));
    expect(committed).toHaveLength(1);
    const handed = committed[0];
    const messages = outcomes.map((o) => valueOf(o).message);
    expect(handed.map((c) => c.event)).toEqual(messages.map((message, i) => ({ id: message.id, type: 'message.created', routing_key: `session.${sessionId}.message.created`, occurred_at: message.created_at, data: { message }, request_id: `r${i + 1}` })));
    expect(messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    const rows = await store.db.knex('message_outbox').whereIn('id', [...new Set(handed.map((c) => c.id))]).select('id', 'type', 'payload');
    expect(rows).toEqual([{ id: expect.anything(), type: SENT_BATCH, payload: { message_ids: messages.map((m) => m.id) } }]);
    expect(handed.every((c) => c.id === String(rows[0].id))).toBe(true);
  });

  it('stores one message for a temp_id sent twice in one batch and answers both with it', async () => {
    const sessionId = randomUUID();
    const twice = () => ({ message: newMessage(sessionId, cleo, { temp_id: 'double-tap' }) });
    const [first, second, other] = (await sendBatch([twice(), twice(), { message: newMessage(sessionId, ana) }])).map(valueOf);
    expect(first.created).toBe(true);
    expect(second).toEqual({ message: first.message, created: false });
    expect(other.message.seq).toBe(2);
    expect(committed.flat()).toHaveLength(2);
  });

  it('answers a temp_id stored by an earlier batch with the stored message, writing nothing', async () => {
    const sessionId = randomUUID();
    const stored = await store.messages.send(newMessage(sessionId, cleo, { temp_id: 'again' }));
    await store.db.knex('message_read_receipts').insert({ message_id: stored.message.id, session_id: sessionId, user_id: ana.userId, seq: 1 });
    const [answer] = (await sendBatch([{ message: newMessage(sessionId, cleo, { temp_id: 'again', content: 'changed' }) }])).map(valueOf);
    expect(answer.created).toBe(false);
    expect(answer.message).toMatchObject({ id: stored.message.id, seq: 1, content: 'Hello', read_by: [{ user_id: ana.userId, read_at: expect.any(String) }] });
    expect(committed).toEqual([]);
    expect(await store.messages.listAfter(sessionId, 0, 1, true).then((page) => page.lastSeq)).toBe(1);
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
      const results = await Promise.all(sends.map(([repository, message]) => repository.send(message)));
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
