import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { EventBus } from '@parley/bus';
import type { ChatMessage, EventEnvelope, Identity } from '@parley/contracts';
import { sideOf, type MessageRepository } from '../domain/message.ports';
import { ana, cleo, root } from '../testing/identities';
import { newMessage, openMessageDatabase, type MessageDatabase } from '../testing/message-database';
import { SENT_BATCH } from './message-sent.outbox';
import { createMessageOutbox, createMessageRepository, LAST_MESSAGES_SQL } from './message.repository';

jest.setTimeout(30_000);

const STAFF = 'staff';
const REQUESTERS = 'requesters';

describe('message repository (PostgreSQL)', () => {
  let store: MessageDatabase;
  let messages: MessageRepository;

  beforeAll(async () => {
    store = await openMessageDatabase();
    messages = store.messages;
  });
  afterAll(() => store.stop());

  const send = async (sessionId: string, sender: Identity, content = 'Hello', tempId: string | null = null) =>
    (await messages.send(newMessage(sessionId, sender, { content, temp_id: tempId }))).message;
  const seqs = (list: ChatMessage[]) => list.map((m) => m.seq);
  /** A broker that confirms nothing. */
  const unreachable: EventBus = {
    publish: () => Promise.reject(new Error('broker unavailable')),
    publishMany: () => Promise.reject(new Error('broker unavailable')),
    publishTransient: () => undefined,
    subscribe: () => Promise.reject(new Error('no consumers')),
    isConnected: () => false,
    close: () => Promise.resolve(),
  };
  const silent = pino({ level: 'silent' });
  /** A repository whose outbox's broker confirms nothing: its batches stay for a sweeper. */
  const unconfirmed = () => {
    const outbox = createMessageOutbox({ knex: store.db.knex, bus: unreachable, logger: silent });
    return { outbox, repository: createMessageRepository(store.db.knex, outbox) };
  };
  /** The outbox rows of batches of sends that name the message. */
  const batchRowsNaming = (messageId: string): Promise<Array<{ payload: { message_ids: string[] } }>> =>
    store.db.knex('message_outbox').where({ type: SENT_BATCH }).whereRaw('payload @> ?::jsonb', [JSON.stringify({ message_ids: [messageId] })]).select('payload');

  describe('send', () => {
    it('numbers messages from 1, one by one, separately in each session', async () => {
      const a = randomUUID();
      const b = randomUUID();
      const order = [a, a, b, a, b];
      const sent: ChatMessage[] = [];
      for (const sessionId of order) sent.push(await send(sessionId, cleo));

      expect(sent.map((m) => [m.session_id, m.seq])).toEqual([[a, 1], [a, 2], [b, 1], [a, 3], [b, 2]]);
      expect(await messages.listAfter(a, 0, 1, true).then((page) => page.lastSeq)).toBe(3);
      expect(await messages.listAfter(b, 0, 1, true).then((page) => page.lastSeq)).toBe(2);
      expect(await messages.listAfter(randomUUID(), 0, 1, true).then((page) => page.lastSeq)).toBe(0);
    });

    it('stores the message as sent, and publishes one message.created after the commit', async () => {
      const sessionId = randomUUID();
      const before = (await store.published()).length;
      const { message, created } = await messages.send(newMessage(sessionId, ana, { content: 'On it', temp_id: 'a-1' }), 'req-7');

      expect(created).toBe(true);
      expect(message).toMatchObject({ session_id: sessionId, seq: 1, sender_id: ana.userId, sender_role: 'support', sender_name: 'Ana', content: 'On it', temp_id: 'a-1', attachments: [], read_by: [] });
      const events = (await store.published()).slice(before);
      expect(events).toEqual([
        { id: message.id, type: 'message.created', routing_key: `session.${sessionId}.message.created`, occurred_at: message.created_at, data: { message }, request_id: 'req-7' },
      ]);
      // Published and confirmed: the outbox row of its batch is gone (deleted in bulk).
      await store.publisher.flush();
      expect(await batchRowsNaming(message.id)).toEqual([]);
    });

    it('leaves a batch the broker did not confirm to the sweeper, which publishes the same events from the stored messages', async () => {
      const { outbox: failing, repository: cut } = unconfirmed();
      const [a, b] = [randomUUID(), randomUUID()];
      await send(a, cleo);
      // Sent together: one batch, one outbox row naming its three messages.
      const sent = (await Promise.all([cut.send(newMessage(a, ana, { content: 'one' }), 'req-1'), cut.send(newMessage(b, cleo, { content: 'two' })), cut.send(newMessage(a, ana, { content: 'three' }))])).map((r) => r.message);
      await failing.flush();
      const [row] = await batchRowsNaming(sent[0].id);
      expect(row.payload.message_ids.sort()).toEqual(sent.map((m) => m.id).sort());

      const before = (await store.published()).length; // the other batches confirmed and deleted first
      const sweeper = createMessageOutbox({ knex: store.db.knex, bus: store.bus, logger: silent, graceMs: 0 });
      expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
      const swept = (await store.published()).slice(before).filter((e) => sent.some((m) => m.id === e.id));
      // Each session's in seq order; the same event ids as the direct publish, so receivers drop a second delivery.
      const ofSession = (id: string) => swept.filter((e) => e.routing_key === `session.${id}.message.created`);
      expect(ofSession(a).map((e) => (e as EventEnvelope<'message.created'>).data.message)).toEqual([sent[0], sent[2]]);
      expect(ofSession(b).map((e) => (e as EventEnvelope<'message.created'>).data.message)).toEqual([sent[1]]);
      for (const event of swept) expect(event).toMatchObject({ id: (event as EventEnvelope<'message.created'>).data.message.id, type: 'message.created' });
      expect(await batchRowsNaming(sent[0].id)).toEqual([]);
      await failing.stop();
    });

    it('sweeps a backlog of batches by the messages they name: the oldest rows whose events fit in a publish', async () => {
      const { outbox: failing, repository: cut } = unconfirmed();
      const sessionId = randomUUID();
      // Four batches of three messages each (sent together, each batch waits for the one before).
      for (let batch = 0; batch < 4; batch++) await Promise.all([0, 1, 2].map((i) => cut.send(newMessage(sessionId, cleo, { content: `b${batch}m${i}` }))));
      await failing.flush();
      await store.published(); // the other tests' batches confirmed and deleted first

      const publishes: number[] = [];
      const counting: EventBus = { ...unreachable, publishMany: (events) => (publishes.push(events.length), store.bus.publishMany(events)) };
      const sweeper = createMessageOutbox({ knex: store.db.knex, bus: counting, logger: silent, graceMs: 0, sweepMaxEvents: 7 });
      expect(await sweeper.sweep()).toBe(4);
      expect(publishes).toEqual([6, 6]);
      await failing.stop();
    });

    it('answers a resend of a temp_id with the stored message, created=false, and uses no seq for it', async () => {
      const sessionId = randomUUID();
      const first = await messages.send(newMessage(sessionId, cleo, { temp_id: 'c-1' }));
      const publishedBefore = (await store.published()).length;

      const again = await messages.send(newMessage(sessionId, cleo, { content: 'Hello (retry)', temp_id: 'c-1' }));
      expect(again).toEqual({ message: first.message, created: false });
      expect(await store.published()).toHaveLength(publishedBefore);
      expect(await messages.listAfter(sessionId, 0, 1, true).then((page) => page.lastSeq)).toBe(1);
      expect((await send(sessionId, cleo, 'Next')).seq).toBe(2);

      expect(await messages.findByTempId(sessionId, cleo.userId, 'c-1')).toEqual(first.message);
      expect(await messages.findByTempId(sessionId, ana.userId, 'c-1')).toBeNull();
    });
  });

  describe('history', () => {
    const sessionId = randomUUID();
    let all: ChatMessage[];

    beforeAll(async () => {
      all = [];
      for (let i = 1; i <= 5; i++) all.push(await send(sessionId, i % 2 ? cleo : ana, `message ${i}`));
      await send(randomUUID(), cleo, 'elsewhere');
    });

    it('pages back from the newest, each page oldest first', async () => {
      expect(seqs((await messages.listPage(sessionId, 2, 0, true)).messages)).toEqual([4, 5]);
      expect(seqs((await messages.listPage(sessionId, 2, 2, true)).messages)).toEqual([2, 3]);
      expect(seqs((await messages.listPage(sessionId, 2, 4, true)).messages)).toEqual([1]);
      expect((await messages.listPage(sessionId, 2, 5, true)).messages).toEqual([]);
      expect((await messages.listPage(sessionId, 10, 0, true)).messages).toEqual(all);
    });

    it('lists what came after a seq, oldest first', async () => {
      expect(seqs((await messages.listAfter(sessionId, 0, 3, true)).messages)).toEqual([1, 2, 3]);
      expect(seqs((await messages.listAfter(sessionId, 3, 10, true)).messages)).toEqual([4, 5]);
      expect((await messages.listAfter(sessionId, 5, 10, true)).messages).toEqual([]);
    });

    it('shows who has read each message', async () => {
      const readAt = new Date('2026-01-02T03:04:05.000Z');
      await store.db.knex('message_read_receipts').insert({ message_id: all[0].id, session_id: sessionId, user_id: ana.userId, seq: all[0].seq, read_at: readAt });
      const [first] = (await messages.listAfter(sessionId, 0, 1, true)).messages;
      expect(first.read_by).toEqual([{ user_id: ana.userId, read_at: readAt.toISOString() }]);
      // Several readers, first reader first, with the database's microseconds cut to milliseconds; the same on a page by offset.
      await store.db.knex('message_read_receipts').insert({ message_id: all[0].id, session_id: sessionId, user_id: root.userId, seq: all[0].seq, read_at: '2026-01-01T00:00:00.123456Z' });
      const [oldest] = (await messages.listPage(sessionId, 10, 0, true)).messages;
      expect(oldest.read_by).toEqual([
        { user_id: root.userId, read_at: '2026-01-01T00:00:00.123Z' },
        { user_id: ana.userId, read_at: readAt.toISOString() },
      ]);
      expect(((await messages.listPage(sessionId, 10, 0, true)).messages).slice(1).every((m) => m.read_by.length === 0)).toBe(true);
      await store.db.knex('message_read_receipts').where({ message_id: all[0].id }).del();
    });
  });

  describe('summaries', () => {
    it("counts the other side's messages after the user's cursor; a user's own messages are never unread", async () => {
      const busy = randomUUID();
      const quiet = randomUUID();
      // cleo 1, ana 2, ana 3, cleo 4, ana 5: each send moves the sender's cursor to it.
      for (const sender of [cleo, ana, ana, cleo, ana]) await send(busy, sender);
      await send(quiet, cleo);

      const forCleo = await messages.unreadCounts(cleo.userId, [busy, quiet], STAFF);
      expect(forCleo.get(busy)).toBe(1);
      expect(forCleo.get(quiet) ?? 0).toBe(0);
      expect((await messages.unreadCounts(ana.userId, [busy], REQUESTERS)).get(busy) ?? 0).toBe(0);
      // Staff count the requester's messages only, not other agents'.
      expect((await messages.unreadCounts(root.userId, [busy, quiet], REQUESTERS)).get(busy)).toBe(2);

      // Without a cursor (history from before cursors existed), only the others' messages count.
      await store.db.knex('message_read_cursors').where({ session_id: busy, user_id: cleo.userId }).del();
      expect((await messages.unreadCounts(cleo.userId, [busy], STAFF)).get(busy)).toBe(3);

      // A reader whose cursor stands at 2 has the requester's 4 unread.
      await store.db.knex('message_read_cursors').insert({ session_id: busy, user_id: root.userId, last_read_seq: 2 });
      expect((await messages.unreadCounts(root.userId, [busy], REQUESTERS)).get(busy)).toBe(1);
      expect(await messages.unreadCounts(root.userId, [], REQUESTERS)).toEqual(new Map());
    });

    it('puts each role on its side, and system messages on neither', () => {
      expect(['customer', 'restaurant', 'support', 'admin', 'system'].map(sideOf)).toEqual(['requesters', 'requesters', 'staff', 'staff', null]);
    });

    it('gives the newest message of each session that has one', async () => {
      const one = randomUUID();
      const two = randomUUID();
      const empty = randomUUID();
      await send(one, cleo, 'first');
      await send(one, ana, 'latest in one');
      await send(two, cleo, 'only in two');

      const last = await messages.lastMessages([one, two, empty], true);
      expect(last.get(one)).toMatchObject({ seq: 2, content: 'latest in one' });
      expect(last.get(two)).toMatchObject({ seq: 1, content: 'only in two' });
      expect(last.has(empty)).toBe(false);
      expect(await messages.lastMessages([], true)).toEqual(new Map());
    });

    it('finds the newest message of a long session without reading the rest of it', async () => {
      const long = randomUUID();
      await store.db.knex.raw(
        `insert into chat_messages (session_id, seq, sender_id, sender_role, sender_name, content) select ?, g, 'u', 'customer', 'U', 'm' || g from generate_series(1, 20000) g`,
        [long],
      );
      await store.db.knex.raw('analyze chat_messages');
      expect((await messages.lastMessages([long], true)).get(long)).toMatchObject({ seq: 20000 });
      const { rows } = await store.db.knex.raw<{ rows: Array<{ 'QUERY PLAN': string }> }>(`explain analyze ${LAST_MESSAGES_SQL}`, [[long], true]);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const scanned = [...plan.matchAll(/on chat_messages.*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/g)].map((m) => Number(m[1]));
      expect(scanned).toEqual([1]);
    });
  });
});
