/**
 * The statements of a batch of read markings, each for every marking of the batch at once (set
 * based: a batch costs the same few round trips however many readers it holds). Markings arrive
 * as parallel arrays; (session, user) pairs are sorted so that two batches lock cursors in the
 * same order. A reader who may not see private notes (`notes` false) neither marks nor waits on them.
 *
 * Each look-up by key is a lateral subquery with `limit 1` (or `order by`), which the planner
 * cannot flatten into a join: it stays one index probe per row whatever the planner believes of
 * the tables' sizes. Flattened, a young database's stale statistics turned them into scans of
 * every message and every receipt (88 ms for a batch of 200 markings; docs/performance.md).
 */

/**
 * The messages a batch of named markings names, by id (each marking keeps those of its own
 * session): read in the markings' own transaction, in their first round trip, to check them.
 */
export const FIND_MESSAGES_SQL = `
select id, session_id, sender_id, message_type from chat_messages where id = any(?::uuid[])`;

/** The cursor row of every (session, reader), created where missing. */
export const ENSURE_CURSORS_SQL = `
insert into message_read_cursors (session_id, user_id, last_read_seq)
select session_id, user_id, 0 from unnest(?::uuid[], ?::text[]) as x(session_id, user_id)
order by session_id, user_id
on conflict do nothing`;

/** Receipts for named messages of each reader's session; answers the newly written ones. */
export const MARK_IDS_SQL = `
insert into message_read_receipts (message_id, session_id, user_id, seq)
select m.id, m.session_id, x.user_id, m.seq
from unnest(?::uuid[], ?::text[], ?::uuid[], ?::boolean[]) as x(session_id, user_id, message_id, notes)
cross join lateral (
  select m.id, m.session_id, m.seq from chat_messages m
  where m.id = x.message_id and m.session_id = x.session_id and (x.notes or m.message_type <> 'note') limit 1
) m
on conflict (message_id, user_id) do nothing
returning message_id, session_id, user_id`;

/**
 * After named markings: each reader's cursor moves up to the first message of others still
 * without their receipt (everything before it is read), or to the session's last seq.
 */
export const ADVANCE_CURSORS_SQL = `
update message_read_cursors c set updated_at = now(), last_read_seq = greatest(c.last_read_seq, coalesce(
  (select m.seq - 1 from chat_messages m
   left join lateral (select true as read from message_read_receipts r where r.message_id = m.id and r.user_id = c.user_id limit 1) r on true
   where m.session_id = c.session_id and m.seq > c.last_read_seq and m.sender_id <> c.user_id and (x.notes or m.message_type <> 'note')
     and r.read is null
   order by m.seq limit 1),
  (select last_seq from message_session_counters k where k.session_id = c.session_id), 0))
from unnest(?::uuid[], ?::text[], ?::boolean[]) as x(session_id, user_id, notes)
where c.session_id = x.session_id and c.user_id = x.user_id`;

/** "Everything up to now": each reader's cursor, locked, with how far receipts were written and the session's last seq. */
export const LOCK_CURSORS_SQL = `
select c.session_id, c.user_id, c.last_read_seq, c.receipts_seq, coalesce(k.last_seq, 0) as last_seq
from message_read_cursors c
join unnest(?::uuid[], ?::text[]) as x(session_id, user_id) on c.session_id = x.session_id and c.user_id = x.user_id
left join message_session_counters k on k.session_id = c.session_id
order by c.session_id, c.user_id
for update of c`;

/** Receipts for the others' messages in (from, to] of each reader's session: never the whole history. */
export const MARK_RANGES_SQL = `
insert into message_read_receipts (message_id, session_id, user_id, seq)
select m.id, m.session_id, x.user_id, m.seq
from unnest(?::uuid[], ?::text[], ?::bigint[], ?::bigint[], ?::boolean[]) as x(session_id, user_id, from_seq, to_seq, notes)
cross join lateral (
  select m.id, m.session_id, m.seq from chat_messages m
  where m.session_id = x.session_id and m.seq > x.from_seq and m.seq <= x.to_seq and m.sender_id <> x.user_id
    and (x.notes or m.message_type <> 'note')
  order by m.seq
) m
order by m.session_id, m.seq
on conflict (message_id, user_id) do nothing
returning message_id, session_id, user_id`;

/** After "everything": each reader's cursor at the last seq, and receipts written up to it. */
export const CURSORS_AT_SQL = `
update message_read_cursors c set updated_at = now(), last_read_seq = greatest(c.last_read_seq, x.to_seq), receipts_seq = x.to_seq
from unnest(?::uuid[], ?::text[], ?::bigint[]) as x(session_id, user_id, to_seq)
where c.session_id = x.session_id and c.user_id = x.user_id`;
