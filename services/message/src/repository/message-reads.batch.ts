import type { Knex } from 'knex';
import { NaturalBatcher, succeeded } from '@parley/batching';
import { queryPrepared } from '@parley/db';
import type { StoredPage } from '../domain/message.ports';
import { messageColumns, readByColumn, toMessageWithReaders, type MessageRowWithReaders } from './message.rows';

/**
 * Pages of many sessions in one query each: `after` (what a joining socket missed, oldest first)
 * and `newest` (the newest page at an offset, oldest first), each with or without private notes
 * (`notes`: staff's pages), each with its session's last seq read in the same statement (one row
 * without a message for an empty page).
 */
const pageSql = (types: string, columns: string, page: string) => `
select x.ord::int as ord, coalesce(k.last_seq, 0) as page_last_seq, ${messageColumns('m')}, ${readByColumn('m')}
from unnest(${types}) with ordinality as x(${columns}, ord)
-- One index look-up per requested session, whatever the planner thinks of the table's size.
left join lateral (select last_seq from message_session_counters c where c.session_id = x.session_id) k on true
left join lateral (${page}) m on true
order by x.ord, m.seq`;

const AFTER_SQL = pageSql(
  '?::uuid[], ?::bigint[], ?::int[], ?::boolean[]',
  'session_id, after_seq, lim, notes',
  `select * from chat_messages c where c.session_id = x.session_id and c.seq > x.after_seq and (x.notes or c.message_type <> 'note')
   order by c.seq limit x.lim`,
);

const NEWEST_SQL = pageSql(
  '?::uuid[], ?::int[], ?::int[], ?::boolean[]',
  'session_id, lim, skip, notes',
  `select * from chat_messages c where c.session_id = x.session_id and (x.notes or c.message_type <> 'note')
   order by c.seq desc limit x.lim offset x.skip`,
);

type PageRow = MessageRowWithReaders & { ord: number; page_last_seq: string | number };

/** Groups a query's rows by the 1-based `ord` of the request they answer. */
function byRequest(rows: PageRow[], requests: number): StoredPage[] {
  const pages = Array.from({ length: requests }, (): StoredPage => ({ messages: [], lastSeq: 0 }));
  for (const { ord, page_last_seq, ...row } of rows) {
    const page = pages[ord - 1];
    page.lastSeq = Number(page_last_seq);
    if (row.id !== null) page.messages.push(toMessageWithReaders(row));
  }
  return pages;
}

/**
 * The reads of joins and history pages, batched: what arrives while one query runs shares the
 * next (a reconnect storm's catch-ups are a few queries, not one per socket).
 */
export function createMessageReads(knex: Knex) {
  // Prepared once per connection (their plans are kept): `$n` placeholders, as PostgreSQL takes them.
  const [afterSql, newestSql] = [AFTER_SQL, NEWEST_SQL].map((sql) => knex.raw(sql, [[], [], [], []]).toSQL().toNative().sql);
  const after = new NaturalBatcher<{ sessionId: string; afterSeq: number; limit: number; notes: boolean }, StoredPage>({
    hop: 'message.list-after',
    async run(requests) {
      const values = [requests.map((r) => r.sessionId), requests.map((r) => r.afterSeq), requests.map((r) => r.limit), requests.map((r) => r.notes)];
      const rows = await queryPrepared<PageRow>(knex, 'message-list-after', afterSql, values);
      return byRequest(rows, requests.length).map((page) => succeeded(page));
    },
  });
  const newest = new NaturalBatcher<{ sessionId: string; limit: number; offset: number; notes: boolean }, StoredPage>({
    hop: 'message.list-page',
    async run(requests) {
      const values = [requests.map((r) => r.sessionId), requests.map((r) => r.limit), requests.map((r) => r.offset), requests.map((r) => r.notes)];
      const rows = await queryPrepared<PageRow>(knex, 'message-list-page', newestSql, values);
      return byRequest(rows, requests.length).map((page) => succeeded(page));
    },
  });
  return {
    listAfter: (sessionId: string, afterSeq: number, limit: number, notes: boolean) => after.submit({ sessionId, afterSeq, limit, notes }),
    listPage: (sessionId: string, limit: number, offset: number, notes: boolean) => newest.submit({ sessionId, limit, offset, notes }),
  };
}
