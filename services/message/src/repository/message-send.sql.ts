import { SENT_BATCH } from './message-sent.outbox';

/**
 * A batch of sends in one statement, so one round trip and one commit for many messages of many
 * sessions. Its inputs are parallel arrays, one element per message in the order they were sent:
 *   $1 ids, $2 session ids, $3 sender ids, $4 sender roles, $5 sender names, $6 contents,
 *   $7 message types, $8 temp ids (null for none), $9 attachment snapshots (jsonb), $10 times,
 *   $11 and $12 one when the sender is a requester / staff (the unread totals).
 *
 * A message whose temp_id its sender used before in the session is not stored again: its row
 * comes back as `existing`. The others are numbered per session in the order given, after the
 * session's counter (one upsert per session, in session order so that two batches never wait
 * for each other's rows in opposite orders); the counter row's lock orders concurrent batches of
 * a session, so seq N commits before N + 1. Each message records its side's running totals (the
 * unread counts, migration 20261128_001), and its sender's read cursor moves to it. The batch
 * writes one outbox row naming the messages it stored (`SENT_BATCH`, message-sent.outbox.ts),
 * not a row holding each message's event: the events are the messages'. A concurrent batch that
 * stores the same temp_id first makes this statement fail on the temp_id key and store nothing
 * (no seq gap); the caller runs it again.
 */
export const sendBatchSql = (outboxTable: string) => `
with input as (
  select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::jsonb[], $10::timestamptz[], $11::int[], $12::int[])
    with ordinality as i(id, session_id, sender_id, sender_role, sender_name, content, message_type, temp_id,
                         attachments, created_at, requester, staff, ord)
), existing as (
  -- One look-up of the temp_id key per message, whatever the planner thinks of the table's size.
  select i.ord, m.* from input i
  cross join lateral (
    select * from chat_messages m where m.session_id = i.session_id and m.sender_id = i.sender_id and m.temp_id = i.temp_id limit 1
  ) m
  where i.temp_id is not null
), fresh as (
  select i.*, row_number() over w as rank, sum(i.requester) over w as requesters_rank, sum(i.staff) over w as staff_rank
  from input i
  where not exists (select 1 from existing e where e.ord = i.ord)
  window w as (partition by i.session_id order by i.ord)
), totals as (
  select session_id, count(*)::int as n, sum(requester)::int as requesters, sum(staff)::int as staff from fresh group by session_id
), counter as (
  insert into message_session_counters as c (session_id, last_seq, requesters_so_far, staff_so_far)
  select session_id, n, requesters, staff from totals order by session_id
  on conflict (session_id) do update set last_seq = c.last_seq + excluded.last_seq,
    requesters_so_far = c.requesters_so_far + excluded.requesters_so_far,
    staff_so_far = c.staff_so_far + excluded.staff_so_far
  returning c.session_id, c.last_seq, c.requesters_so_far, c.staff_so_far
), inserted as (
  insert into chat_messages (id, session_id, seq, sender_id, sender_role, sender_name, content, message_type, temp_id, attachments,
                             created_at, requesters_so_far, staff_so_far)
  select f.id, f.session_id, k.last_seq - t.n + f.rank, f.sender_id, f.sender_role, f.sender_name, f.content, f.message_type, f.temp_id,
         f.attachments, f.created_at, k.requesters_so_far - t.requesters + f.requesters_rank, k.staff_so_far - t.staff + f.staff_rank
  from fresh f join totals t using (session_id) join counter k using (session_id)
  returning id, seq, session_id, sender_id
), cursor as (
  insert into message_read_cursors as r (session_id, user_id, last_read_seq)
  select session_id, sender_id, max(seq) from inserted group by session_id, sender_id order by session_id, sender_id
  on conflict (session_id, user_id) do update
  set last_read_seq = greatest(r.last_read_seq, excluded.last_read_seq), updated_at = now()
), batch as (
  insert into ${outboxTable} (event_id, type, routing_key, payload)
  select gen_random_uuid(), '${SENT_BATCH}', '', jsonb_build_object('message_ids', array_agg(id))
  from inserted having count(*) > 0
  returning id
)
select 'message' as kind, i.ord::int as ord, ins.seq, null::bigint as outbox_id,
       (select row_to_json(e) from existing e where e.ord = i.ord) as existing
from input i left join inserted ins on ins.id = i.id
union all
select 'batch', null, null, b.id, null from batch b`;
