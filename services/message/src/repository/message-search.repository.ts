import type { Knex } from 'knex';
import { SEARCH_LIMITS } from '@parley/contracts';
import type { MarkedSessionMatches, MessageSearchRepository, SearchFilter } from '../domain/message-search.ports';
import { MARK_END, MARK_START } from '../domain/search-snippet';

/**
 * Every word, each as the start of a word (`'refund':* & 'order':*`), except words of up to three
 * letters before the last: those match whole words (`is`, `the`, `my`). Such a prefix matches a
 * large part of any history and would have to be read whole, where a whole word lets the index
 * skip to the rarer words' matches. The last word is always a prefix: it may still be being typed.
 * Words are letters and digits only (searchWords), so nothing else reaches the parser.
 */
export const toTsQuery = (words: string[]) => words.map((word, i) => (word.length > 3 || i === words.length - 1 ? `'${word}':*` : `'${word}'`)).join(' & ');

/** ts_headline's options, the words found marked with STX/ETX: a short message whole, a long one about 20 words from its first match on. */
const MARKS = `StartSel=${MARK_START}, StopSel=${MARK_END}`;
const WHOLE = `${MARKS}, HighlightAll=true`;
const EXCERPT = `${MARKS}, MaxWords=20, MinWords=10, ShortWord=2`;
/** Up to this many characters a message is shown whole. */
const SHORT_MESSAGE = 200;

interface Row {
  session_id: string;
  match_count: string;
  message_id: string;
  seq: string;
  sender_id: string;
  sender_name: string;
  sender_role: string;
  message_type: string;
  created_at: Date;
  marked: string;
}

/**
 * The search: the messages with every word (`search_vector` under `chat_messages_search_idx`),
 * limited to a requester's sessions or a status through message_sessions; the page of sessions by
 * their newest match; the latest matches of each, with an excerpt (ts_headline, on the page's few
 * only). One statement, after a look-up of a requester's sessions.
 */
export function createMessageSearchRepository(knex: Knex): MessageSearchRepository {
  async function sessionsOf(requesterId: string, status?: string): Promise<string[]> {
    const query = knex('message_sessions').where({ requester_id: requesterId });
    if (status !== undefined) query.where({ status });
    return query.pluck('session_id');
  }

  return {
    async search(filter: SearchFilter) {
      const tsQuery = toTsQuery(filter.words);
      const conditions = [`m.message_type <> 'system'`];
      const scope: Array<string | string[]> = [];
      // A requester never sees a private note: the filter is in the statement, not left to a caller.
      if (!filter.includeNotes) conditions.push(`m.message_type <> 'note'`);
      if (filter.requesterId !== undefined) {
        // A requester has few sessions: named as an array, their messages' bitmap meets the words'.
        const own = await sessionsOf(filter.requesterId, filter.status);
        if (own.length === 0) return [];
        conditions.push('m.session_id = any(?::uuid[])');
        scope.push(own);
      } else if (filter.status !== undefined) {
        conditions.push('m.session_id in (select session_id from message_sessions where status = ?)');
        scope.push(filter.status);
      }
      const { rows } = await knex.raw<{ rows: Row[] }>(
        // The words inline, not from a CTE: the planner then estimates their rows from the column's statistics.
        `with matched as (
           select m.id, m.session_id, m.created_at
           from chat_messages m
           where m.search_vector @@ to_tsquery('simple', ?) and ${conditions.join(' and ')}
         ),
         page as (
           select session_id, count(*) as match_count, max(created_at) as last_match
           from matched group by session_id
           order by last_match desc, session_id limit ? offset ?
         ),
         latest as (
           select x.id, x.session_id, row_number() over (partition by x.session_id order by x.created_at desc, x.id) as n
           from matched x join page p on p.session_id = x.session_id
         )
         select p.session_id, p.match_count, m.id as message_id, m.seq, m.sender_id, m.sender_name, m.sender_role, m.message_type, m.created_at,
                ts_headline('simple', translate(m.content, E'\\x02\\x03', ''), to_tsquery('simple', ?), case when length(m.content) <= ? then ? else ? end) as marked
         from page p
         join latest l on l.session_id = p.session_id and l.n <= ?
         join chat_messages m on m.id = l.id
         order by p.last_match desc, p.session_id, l.n`,
        [tsQuery, ...scope, filter.limit, filter.offset, tsQuery, SHORT_MESSAGE, WHOLE, EXCERPT, SEARCH_LIMITS.matchesPerSession],
      );
      const sessions: MarkedSessionMatches[] = [];
      for (const row of rows) {
        let session = sessions.at(-1);
        if (session?.session_id !== row.session_id) {
          session = { session_id: row.session_id, match_count: Number(row.match_count), matches: [] };
          sessions.push(session);
        }
        session.matches.push({
          message_id: row.message_id,
          seq: Number(row.seq),
          sender_id: row.sender_id,
          sender_name: row.sender_name,
          sender_role: row.sender_role,
          message_type: row.message_type as MarkedSessionMatches['matches'][number]['message_type'],
          created_at: row.created_at.toISOString(),
          marked: row.marked,
        });
      }
      return sessions;
    },
  };
}
