import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ChatMessage, Identity } from '@parley/contracts';
import type { MarkingCheck, ReadReceiptRepository } from '../domain/message.ports';
import { unreadFrom } from '../domain/message.service';
import { ana, cleo, root } from '../testing/identities';
import { newMessage, openMessageDatabase, readEvent, type MessageDatabase } from '../testing/message-database';
import { unreadCountsSql } from './message.repository';
import { createReadReceiptRepository } from './read-receipt.repository';
import { ADVANCE_CURSORS_SQL, MARK_IDS_SQL, MARK_RANGES_SQL } from './read-receipt.sql';
import { recordRoundTrips } from '@parley/db';

jest.setTimeout(30_000);

/** A check that lets every marking through. */
const accept: MarkingCheck = () => undefined;

describe('read receipt repository (PostgreSQL)', () => {
  let store: MessageDatabase;
  let receipts: ReadReceiptRepository;

  beforeAll(async () => {
    store = await openMessageDatabase();
    receipts = createReadReceiptRepository(store.db.knex, store.publisher);
  });
  afterAll(() => store.stop());

  const send = async (sessionId: string, sender: Identity, content = 'Hello') => (await store.messages.send(newMessage(sessionId, sender, { content }))).message;
  const unread = async (identity: Identity, sessionId: string) => (await store.messages.unreadCounts(identity.userId, [sessionId], unreadFrom(identity))).get(sessionId) ?? 0;
  const readBy = async (sessionId: string) => ((await store.messages.listAfter(sessionId, 0, 100, true)).messages).map((m: ChatMessage) => m.read_by.map((r) => r.user_id));

  it('marks named messages, counts what is left, and writes messages.read with the receipts', async () => {
    const sessionId = randomUUID();
    const [one, two, three] = [await send(sessionId, cleo, '1'), await send(sessionId, cleo, '2'), await send(sessionId, cleo, '3')];
    expect(await unread(ana, sessionId)).toBe(3);
    // Read out of order: the count is exact, ahead of the cursor too.
    expect(await receipts.markMessages(sessionId, ana.userId, [two.id], readEvent(sessionId, ana.userId), true, accept)).toEqual([two.id]);
    expect(await unread(ana, sessionId)).toBe(2);
    expect(await receipts.markMessages(sessionId, ana.userId, [one.id, two.id], readEvent(sessionId, ana.userId), true, accept)).toEqual([one.id]);
    expect(await unread(ana, sessionId)).toBe(1);
    const cursor = await store.db.knex('message_read_cursors').where({ session_id: sessionId, user_id: ana.userId }).first();
    expect(Number(cursor.last_read_seq)).toBe(2); // up to the first message still unread
    expect(await readBy(sessionId)).toEqual([[ana.userId], [ana.userId], []]);
    const announced = (await store.published()).filter((e) => e.type === 'messages.read' && e.routing_key.startsWith(`session.${sessionId}`));
    expect(announced.map((e) => (e.data as { message_ids: string[] }).message_ids)).toEqual([[two.id], [one.id]]);
    expect(three.seq).toBe(3);
  });

  it("marks everything up to now once, never one's own messages, and writes nothing the second time", async () => {
    const sessionId = randomUUID();
    const question = await send(sessionId, cleo, 'Where?');
    const reply = await send(sessionId, ana, 'Checking'); // ana's cursor passes the question, without a receipt
    const colleague = await send(sessionId, root, 'I can help');
    const marked = await receipts.markAll(sessionId, ana.userId, readEvent(sessionId, ana.userId), true);
    expect(marked.sort()).toEqual([question.id, colleague.id].sort());
    expect(await receipts.markAll(sessionId, ana.userId, readEvent(sessionId, ana.userId), true)).toEqual([]);
    expect(await readBy(sessionId)).toEqual([[ana.userId], [], [ana.userId]]);
    expect(await unread(cleo, sessionId)).toBe(2);
    expect(await receipts.markAll(sessionId, cleo.userId, readEvent(sessionId, cleo.userId), true)).toHaveLength(2);
    expect(await unread(cleo, sessionId)).toBe(0);
    const later = await send(sessionId, cleo, 'Thanks');
    expect(await unread(ana, sessionId)).toBe(1);
    // The next "everything" writes receipts for the new message only.
    expect(await receipts.markAll(sessionId, ana.userId, readEvent(sessionId, ana.userId), true)).toEqual([later.id]);
    expect(reply.seq).toBe(2);
  });

  it('checks a marking on the messages of its own session among those it names, then marks them', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const inA = await send(a, cleo);
    const inB = await send(b, cleo);
    const seen: Array<Array<{ id: string; sender_id: string }>> = [];
    const marked = await receipts.markMessages(a, ana.userId, [inA.id, inB.id, randomUUID()], readEvent(a, ana.userId), true, (found) => void seen.push(found));
    expect(seen).toEqual([[{ id: inA.id, sender_id: cleo.userId }]]);
    expect(marked).toEqual([inA.id]);
    expect(await readBy(b)).toEqual([[]]);
  });

  it('counts unread from the kept totals: no row between the cursor and now is read', async () => {
    const sessionId = randomUUID();
    await store.db.knex.raw(
      `insert into chat_messages (session_id, seq, sender_id, sender_role, sender_name, content, requesters_so_far)
       select ?, g, ?, 'customer', 'Cleo', 'm' || g, g from generate_series(1, 20000) g`,
      [sessionId, cleo.userId],
    );
    await store.db.knex.raw(`insert into message_session_counters (session_id, last_seq, requesters_so_far) values (?, 20000, 20000)`, [sessionId]);
    await store.db.knex.raw(`insert into message_read_cursors (session_id, user_id, last_read_seq) values (?, ?, 10000)`, [sessionId, ana.userId]);
    // The first half was read with receipts (as "mark everything read" writes them).
    await store.db.knex.raw(
      `insert into message_read_receipts (message_id, session_id, user_id, seq) select id, session_id, ?, seq from chat_messages where session_id = ? and seq <= 10000`,
      [ana.userId, sessionId],
    );
    // Two read out of order past the cursor, one of them twice over (a receipt is per message and reader).
    const [m1, m2] = (await store.db.knex('chat_messages').where({ session_id: sessionId }).whereIn('seq', [15000, 19999]).orderBy('seq').select('id')).map((r: { id: string }) => r.id);
    expect(await receipts.markMessages(sessionId, ana.userId, [m1, m2], readEvent(sessionId, ana.userId), true, accept)).toHaveLength(2);
    await receipts.markMessages(sessionId, ana.userId, [m1], readEvent(sessionId, ana.userId), true, accept);
    await store.db.knex.raw('analyze chat_messages');
    await store.db.knex.raw('analyze message_read_receipts');
    expect(await unread(ana, sessionId)).toBe(9998);

    const { rows } = await store.db.knex.raw<{ rows: Array<{ 'QUERY PLAN': string }> }>(`explain analyze ${unreadCountsSql('requesters')}`, {
      userId: ana.userId,
      sessionIds: [sessionId],
      fromRoles: ['customer', 'restaurant'],
    });
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).not.toMatch(/Seq Scan on (chat_messages|message_read_receipts)/);
    // Every scan answers at most two rows (the total at the cursor; the receipts past it and their
    // messages), never the 9,998 unread nor the 10,000 receipts before the cursor.
    const scannedRows = [...plan.matchAll(/Scan (?:Backward )?(?:using \S+ )?on (?:chat_messages|message_read_receipts).*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/g)].map((m) => Number(m[1]));
    expect(scannedRows.length).toBeGreaterThan(0);
    expect(Math.max(...scannedRows)).toBeLessThanOrEqual(2);
  });

  it('keeps the totals in step with the sends, whoever sends', async () => {
    const sessionId = randomUUID();
    await send(sessionId, cleo);
    await send(sessionId, ana);
    await send(sessionId, cleo);
    const counters = await store.db.knex('message_session_counters').where({ session_id: sessionId }).first('requesters_so_far', 'staff_so_far');
    expect({ requesters: Number(counters.requesters_so_far), staff: Number(counters.staff_so_far) }).toEqual({ requesters: 2, staff: 1 });
    const rows = await store.db.knex('chat_messages').where({ session_id: sessionId }).orderBy('seq').select('requesters_so_far', 'staff_so_far');
    expect(rows.map((r: { requesters_so_far: number; staff_so_far: number }) => [Number(r.requesters_so_far), Number(r.staff_so_far)])).toEqual([[1, 0], [1, 1], [2, 1]]);
  });
  it('marks many readers at once in one batch, each answered on its own, with one messages.read per reader', async () => {
    const sessionId = randomUUID();
    const [one, two, three] = [await send(sessionId, cleo, '1'), await send(sessionId, cleo, '2'), await send(sessionId, ana, '3')];
    const before = (await store.published()).length;
    // Arrive together: one transaction for all of them.
    const answers = await Promise.all([
      receipts.markMessages(sessionId, ana.userId, [one.id], readEvent(sessionId, ana.userId), true, accept),
      receipts.markMessages(sessionId, root.userId, [one.id, two.id], readEvent(sessionId, root.userId), true, accept),
      receipts.markMessages(sessionId, ana.userId, [one.id, two.id], readEvent(sessionId, ana.userId), true, accept),
      receipts.markAll(sessionId, cleo.userId, readEvent(sessionId, cleo.userId), true),
    ]);
    // Ana's second marking comes after her first: only the message that was still unread is new.
    expect(answers).toEqual([[one.id], [one.id, two.id].sort(), [two.id], [three.id]].map((ids, i) => (i === 1 ? expect.arrayContaining(ids) : ids)));
    const announced = (await store.published()).slice(before).map((e) => e.data as { user_id: string; message_ids: string[] });
    expect(announced.map((d) => d.user_id).sort()).toEqual([ana.userId, cleo.userId, root.userId].sort());
    expect(announced.find((d) => d.user_id === ana.userId)?.message_ids).toEqual([one.id, two.id]);
    expect(await unread(ana, sessionId)).toBe(0);
  });

  it('checks and marks named messages in two round trips and "everything" in three, whatever the number of readers', async () => {
    const sessionId = randomUUID();
    const [one, two] = [await send(sessionId, cleo, '1'), await send(sessionId, cleo, '2')];
    const roundTrips = recordRoundTrips(store.db.knex);
    await Promise.all([
      receipts.markMessages(sessionId, ana.userId, [one.id], readEvent(sessionId, ana.userId), true, accept),
      receipts.markMessages(sessionId, root.userId, [one.id, two.id], readEvent(sessionId, root.userId), true, accept),
    ]);
    // The messages named read for the checks, the cursors ensured, the receipts written and the
    // cursors moved; the outbox and the commit.
    expect(roundTrips.shapes()).toEqual(['begin select insert insert update', 'insert commit']);
    roundTrips.texts.length = 0;
    await Promise.all([
      receipts.markAll(sessionId, cleo.userId, readEvent(sessionId, cleo.userId), true),
      receipts.markAll(sessionId, ana.userId, readEvent(sessionId, ana.userId), true),
    ]);
    // The cursors ensured and locked; the receipts and the cursors; the outbox and the commit.
    expect(roundTrips.shapes()).toEqual(['begin insert select', 'insert update', 'insert commit']);
    expect(await unread(ana, sessionId)).toBe(0);
  });

  it('stores nothing of a marking its check refuses, and the rest of its batch as if it had not come', async () => {
    const sessionId = randomUUID();
    const [one, two] = [await send(sessionId, cleo, '1'), await send(sessionId, cleo, '2')];
    const before = (await store.published()).length;
    const refusal = new Error('not yours to mark');
    const roundTrips = recordRoundTrips(store.db.knex);
    roundTrips.texts.length = 0;
    // Arrive together: one batch, checked in its transaction's first round trip.
    const [ana1, root1, cleo1] = await Promise.allSettled([
      receipts.markMessages(sessionId, ana.userId, [one.id], readEvent(sessionId, ana.userId), true, accept),
      receipts.markMessages(sessionId, root.userId, [one.id, two.id], readEvent(sessionId, root.userId), true, () => {
        throw refusal;
      }),
      receipts.markAll(sessionId, cleo.userId, readEvent(sessionId, cleo.userId), true),
    ]);
    expect(ana1).toEqual({ status: 'fulfilled', value: [one.id] });
    expect(root1).toEqual({ status: 'rejected', reason: refusal });
    expect(cleo1).toEqual({ status: 'fulfilled', value: [] });
    // The look-up, the cursors ensured and locked; the receipts and cursors of both kinds. Rolled
    // back, and run again without root's.
    const oneRun = ['begin select insert select', 'insert update insert update'];
    expect(roundTrips.shapes()).toEqual([...oneRun, 'rollback', ...oneRun, 'insert commit']);
    expect(await readBy(sessionId)).toEqual([[ana.userId], []]);
    expect(await store.db.knex('message_read_cursors').where({ session_id: sessionId, user_id: root.userId }).first()).toBeUndefined();
    const announced = (await store.published()).slice(before).map((e) => e.data as { user_id: string; message_ids: string[] });
    expect(announced).toEqual([{ session_id: sessionId, user_id: ana.userId, message_ids: [one.id] }]);
  });

  it('looks messages and receipts up by key, even when the statistics still describe a young, small database', async () => {
    const young = await openMessageDatabase();
    try {
      const { knex } = young.db;
      for (const table of ['chat_messages', 'message_read_receipts']) await knex.raw(`alter table ${table} set (autovacuum_enabled = false)`);
      const sessions = Array.from({ length: 200 }, () => randomUUID());
      const fill = async (from: number, to: number) => {
        await knex.raw(
          `insert into chat_messages (id, session_id, seq, sender_id, sender_role, sender_name, content, message_type, created_at, requesters_so_far, staff_so_far)
           select gen_random_uuid(), s, n, case when n % 2 = 0 then 'agent' else 'customer' end, 'customer', 'C', 'hello there', 'text', now(), 0, 0
           from unnest(?::uuid[]) s, generate_series(?::int, ?::int) n`,
          [sessions, from, to],
        );
        await knex.raw(`insert into message_read_receipts (message_id, session_id, user_id, seq) select id, session_id, 'agent', seq from chat_messages where seq % 5 = 0 on conflict do nothing`);
      };
      // Analysed while small, then grown twentyfold: what a fresh deployment's first minutes look like.
      await fill(1, 3);
      await knex.raw('analyze chat_messages; analyze message_read_receipts');
      await fill(4, 60);
      const readers = sessions.slice(0, 150);
      const named = (await knex('chat_messages').whereIn('session_id', readers).andWhere('seq', 41).select('id', 'session_id')) as Array<{ id: string; session_id: string }>;
      const scanned = async (sql: string, bindings: Knex.RawBinding[]) => {
        const plan = JSON.stringify((await knex.raw(`explain (format json) ${sql}`, bindings)).rows[0]['QUERY PLAN']);
        return [...plan.matchAll(/"Node Type":"Seq Scan"[^}]*?"Relation Name":"(\w+)"/g)].map((m) => m[1]).filter((t) => t !== 'message_read_cursors');
      };
      const agent = (n: number) => Array.from({ length: n }, () => 'agent');
      expect(await scanned(MARK_IDS_SQL, [named.map((m) => m.session_id), agent(named.length), named.map((m) => m.id), named.map(() => true)])).toEqual([]);
      expect(await scanned(ADVANCE_CURSORS_SQL, [readers, agent(150), readers.map(() => true)])).toEqual([]);
      expect(await scanned(MARK_RANGES_SQL, [readers, agent(150), readers.map(() => 0), readers.map(() => 60), readers.map(() => true)])).toEqual([]);
    } finally {
      await young.stop();
    }
  });
});
