import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/db';
import type { SearchFilter } from '../domain/message-search.ports';
import { MARK_END, MARK_START, unmark } from '../domain/search-snippet';
import { createMessageSearchRepository, toTsQuery } from './message-search.repository';

jest.setTimeout(60_000);

interface Line {
  content: string;
  role?: string;
  type?: string;
  minutesAgo?: number;
}

describe('message search (PostgreSQL full text)', () => {
  let db: TestDatabase;
  let repository: ReturnType<typeof createMessageSearchRepository>;
  const search = (filter: Partial<SearchFilter> & { words: string[] }) => repository.search({ includeNotes: true, limit: 20, offset: 0, ...filter });
  const contents = (found: Awaited<ReturnType<typeof search>>) => found.flatMap((s) => s.matches.map((m) => unmark(m.marked).snippet));

  /** A session of `requester` with these messages, stored as the message service stores them. */
  async function chat(requester: string, lines: Line[], status = 'active'): Promise<string> {
    const sessionId = randomUUID();
    await db.knex('message_sessions').insert({ session_id: sessionId, requester_id: requester, status, opened_at: new Date(), changed_at: new Date() });
    await db.knex('chat_messages').insert(
      lines.map((line, i) => ({
        session_id: sessionId,
        seq: i + 1,
        sender_id: line.role === 'support' ? 'agent-1' : requester,
        sender_role: line.role ?? 'customer',
        sender_name: line.role === 'support' ? 'Ana' : 'Cleo',
        content: line.content,
        message_type: line.type ?? 'text',
        created_at: new Date(Date.now() - (line.minutesAgo ?? lines.length - i) * 60_000),
      })),
    );
    return sessionId;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    repository = createMessageSearchRepository(db.knex);
    // Private notes come with their own migration; this table takes one already, as it will.
    await db.knex.raw('alter table chat_messages drop constraint chat_messages_type_check');
  });
  afterAll(() => db.drop());

  it('finds messages with every word, in any order, each word also as the start of a longer one', async () => {
    const id = await chat('cust-words', [{ content: 'My pizza order never arrived' }, { content: 'The refund for the order is on its way', role: 'support' }, { content: 'Refunded already?' }]);
    const found = await search({ words: ['order', 'refund'] });
    expect(found.map((s) => s.session_id)).toEqual([id]);
    expect(contents(found)).toEqual(['The refund for the order is on its way']);
    expect(contents(await search({ words: ['refu'] }))).toEqual(['Refunded already?', 'The refund for the order is on its way']);
    expect(await search({ words: ['pizza', 'refund'] })).toEqual([]);
  });

  it('matches short words before the last whole, every other word by its start', async () => {
    expect(toTsQuery(['where', 'is', 'the', 'piz'])).toBe(`'where':* & 'is' & 'the' & 'piz':*`);
    const id = await chat('cust-short', [{ content: 'Where is the pizza I ordered' }, { content: 'This island theme is wrong' }]);
    expect(contents(await search({ words: ['where', 'is', 'the', 'piz'], requesterId: 'cust-short' }))).toEqual(['Where is the pizza I ordered']);
    expect((await search({ words: ['the'], requesterId: 'cust-short' })).map((s) => s.match_count)).toEqual([2]);
    expect((await search({ words: ['is', 'the'], requesterId: 'cust-short' })).map((s) => [s.session_id, s.match_count])).toEqual([[id, 2]]);
  });

  it('marks the words found in a short excerpt, and keeps the marks out of the text itself', async () => {
    await chat('cust-marks', [{ content: 'Tracking shows the courier \u0002stuck\u0003 near the bridge for an hour' }]);
    const [session] = await search({ words: ['courier'] });
    expect(session.matches[0].marked).toBe('Tracking shows the \u0002courier\u0003 stuck near the bridge for an hour');
    const long = `${'We waited and waited for the delivery to come. '.repeat(6)}Then the scooter broke down on the way. ${'Nobody called us back. '.repeat(4)}`;
    await chat('cust-long', [{ content: long }]);
    const [excerpt] = (await search({ words: ['scooter'], requesterId: 'cust-long' }))[0].matches;
    expect(excerpt.marked.length).toBeLessThan(long.length / 2);
    expect(excerpt.marked.startsWith(`${MARK_START}scooter${MARK_END} broke down on the way`)).toBe(true);
  });

  it("limits a requester to their own sessions, and a status to the sessions in it", async () => {
    const mine = await chat('cust-own', [{ content: 'Wrong sauce on my burger' }]);
    const closed = await chat('cust-own', [{ content: 'Wrong sauce again' }], 'closed');
    const theirs = await chat('cust-other', [{ content: 'Wrong sauce, same here' }]);
    expect((await search({ words: ['sauce'], requesterId: 'cust-own' })).map((s) => s.session_id)).toEqual([closed, mine]);
    expect((await search({ words: ['sauce'], requesterId: 'cust-own', status: 'closed' })).map((s) => s.session_id)).toEqual([closed]);
    expect((await search({ words: ['sauce'] })).map((s) => s.session_id).sort()).toEqual([mine, closed, theirs].sort());
    expect(await search({ words: ['sauce'], requesterId: 'nobody' })).toEqual([]);
  });

  it('never shows a private note to a requester, and never matches system lines', async () => {
    const id = await chat('cust-notes', [
      { content: 'Is the voucher valid?' },
      { content: 'Voucher abuse suspected, check the account', role: 'support', type: 'note' },
      { content: 'Ana accepted the chat voucher', role: 'system', type: 'system' },
    ]);
    expect(contents(await search({ words: ['voucher'], requesterId: 'cust-notes', includeNotes: false }))).toEqual(['Is the voucher valid?']);
    expect(contents(await search({ words: ['voucher'], includeNotes: false })).filter((c) => c.includes('abuse'))).toEqual([]);
    const staff = await search({ words: ['voucher'] });
    expect(staff.find((s) => s.session_id === id)?.matches.map((m) => m.message_type)).toEqual(['note', 'text']);
  });

  it('answers sessions by their newest match, counting every match and showing the latest three', async () => {
    const older = await chat('cust-page', [{ content: 'missing fries', minutesAgo: 50 }]);
    const busy = await chat('cust-page', [1, 2, 3, 4, 5].map((n) => ({ content: `missing item ${n}`, minutesAgo: 40 - n })));
    const found = await search({ words: ['missing'], requesterId: 'cust-page' });
    expect(found.map((s) => [s.session_id, s.match_count])).toEqual([[busy, 5], [older, 1]]);
    expect(found[0].matches.map((m) => m.seq)).toEqual([5, 4, 3]);
    expect((await search({ words: ['missing'], requesterId: 'cust-page', limit: 1, offset: 1 })).map((s) => s.session_id)).toEqual([older]);
  });

  it('reads through the full-text index on a large table', async () => {
    const vocabulary = ['pizza', 'burger', 'refund', 'courier', 'late', 'cold', 'sauce', 'voucher', 'allergy', 'receipt', 'driver', 'address'];
    await db.knex.raw(
      `insert into chat_messages (session_id, seq, sender_id, sender_role, sender_name, content, created_at)
       select gen_random_uuid(), 1, 'bulk', 'customer', 'Bulk',
              (array[${vocabulary.map((w) => `'${w}'`).join(',')}])[1 + g % 12] || ' order ' || g || ' ' || md5(g::text), now()
       from generate_series(1, 60000) g`,
    );
    await db.knex.raw('analyze chat_messages');
    const { rows } = await db.knex.raw<{ rows: Array<{ 'QUERY PLAN': string }> }>(
      `explain select id from chat_messages m where m.search_vector @@ to_tsquery('simple', ?) and m.message_type <> 'system'`,
      [`'allergy':* & '1234':*`],
    );
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('chat_messages_search_idx');
    const found = await search({ words: ['1234', 'allergy'] });
    expect(found.length).toBeGreaterThan(0);
    expect(contents(found).every((c) => c.includes('allergy') && /\b1234/.test(c))).toBe(true);
  });
});
