import type { Knex } from 'knex';
import { NaturalBatcher, succeeded } from '@parley/batching';
import type { ChatMessage } from '@parley/contracts';
import { readByColumn, toMessageWithReaders, type MessageRowWithReaders } from './message.rows';

/**
 * Pages of many sessions in one query each: `after` (what a joining socket missed, oldest first)
 * and `newest` (the newest page at an offset, oldest first), each with or without private notes
 * (`notes`: staff's pages); `lastSeq` for many sessions in one.
 */
const AFTER_SQL = `
select x.ord::int as ord, m.*, ${readByColumn('m')}
from unnest(?::uuid[], ?::bigint[], ?::int[], ?::boolean[]) with ordinality as x(session_id, after_seq, lim, notes, ord)
cross join lateral (
  select * from chat_messages c where c.session_id = x.session_id and c.seq > x.after_seq and (x.notes or c.message_type <> 'note')
  order by c.seq limit x.lim
) m
order by x.ord, m.seq`;

const NEWEST_SQL = `
select x.ord::int as ord, m.*, ${readByColumn('m')}
from unnest(?::uuid[], ?::int[], ?::int[], ?::boolean[]) with ordinality as x(session_id, lim, skip, notes, ord)
cross join lateral (
  select * from chat_messages c where c.session_id = x.session_id and (x.notes or c.message_type <> 'note')
  order by c.seq desc limit x.lim offset x.skip
) m
order by x.ord, m.seq`;

type PageRow = MessageRowWithReaders & { ord: number };

/** Groups a query's rows by the 1-based `ord` of the request they answer. */
function byRequest(rows: PageRow[], requests: number): ChatMessage[][] {
  const pages = Array.from({ length: requests }, (): ChatMessage[] => []);
  for (const { ord, ...row } of rows) pages[ord - 1].push(toMessageWithReaders(row));
  return pages;
}

/**
 * The reads of joins and history pages, batched: what arrives while one query runs shares the
 * next (a reconnect storm's catch-ups are a few queries, not one per socket).
 */
export function createMessageReads(knex: Knex) {
  const after = new NaturalBatcher<{ sessionId: string; afterSeq: number; limit: number; notes: boolean }, ChatMessage[]>({
    hop: 'message.list-after',
    async run(requests) {
      const { rows } = await knex.raw<{ rows: PageRow[] }>(AFTER_SQL, [requests.map((r) => r.sessionId), requests.map((r) => r.afterSeq), requests.map((r) => r.limit), requests.map((r) => r.notes)]);
      return byRequest(rows, requests.length).map((page) => succeeded(page));
    },
  });
  const newest = new NaturalBatcher<{ sessionId: string; limit: number; offset: number; notes: boolean }, ChatMessage[]>({
    hop: 'message.list-page',
    async run(requests) {
      const { rows } = await knex.raw<{ rows: PageRow[] }>(NEWEST_SQL, [requests.map((r) => r.sessionId), requests.map((r) => r.limit), requests.map((r) => r.offset), requests.map((r) => r.notes)]);
      return byRequest(rows, requests.length).map((page) => succeeded(page));
    },
  });
  const lastSeqs = new NaturalBatcher<string, number>({
    hop: 'message.last-seq',
    async run(sessionIds) {
      const rows = await knex('message_session_counters').whereIn('session_id', [...new Set(sessionIds)]).select<Array<{ session_id: string; last_seq: number }>>('session_id', 'last_seq');
      const found = new Map(rows.map((r) => [r.session_id, Number(r.last_seq)]));
      return sessionIds.map((id) => succeeded(found.get(id) ?? 0));
    },
  });
  return {
    listAfter: (sessionId: string, afterSeq: number, limit: number, notes: boolean) => after.submit({ sessionId, afterSeq, limit, notes }),
    listPage: (sessionId: string, limit: number, offset: number, notes: boolean) => newest.submit({ sessionId, limit, offset, notes }),
    lastSeq: (sessionId: string) => lastSeqs.submit(sessionId),
  };
}
