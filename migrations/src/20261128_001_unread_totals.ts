import type { Knex } from 'knex';

const REQUESTERS = `sender_role in ('customer', 'restaurant')`;
const STAFF = `sender_role in ('support', 'admin')`;

/**
 * Unread counts as numbers, not as counted rows. Owned by the message service.
 * - `message_session_counters.requesters_so_far` / `staff_so_far`: how many messages the
 *   requesters (customers, restaurants) and the staff (support, admins) have sent in the session;
 *   bumped by the send statement with `last_seq`.
 * - The same two numbers on every `chat_messages` row, as they stood through that message, so the
 *   count at a user's read cursor is one index look-up.
 * - `message_read_receipts.seq`: a receipt's message seq, indexed with the reader, so the receipts
 *   past a cursor (messages read out of order) are a short range, not every receipt of the reader.
 * Unread = the other side's total now − its total at the cursor − receipts past the cursor.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table message_session_counters
    add column requesters_so_far bigint not null default 0, add column staff_so_far bigint not null default 0`);
  await knex.raw(`alter table chat_messages
    add column requesters_so_far bigint not null default 0, add column staff_so_far bigint not null default 0`);
  await knex.raw(`
    update chat_messages m set requesters_so_far = t.requesters, staff_so_far = t.staff
    from (
      select id, count(*) filter (where ${REQUESTERS}) over w as requesters, count(*) filter (where ${STAFF}) over w as staff
      from chat_messages window w as (partition by session_id order by seq)
    ) t
    where t.id = m.id`);
  await knex.raw(`
    update message_session_counters k set requesters_so_far = t.requesters, staff_so_far = t.staff
    from (
      select session_id, count(*) filter (where ${REQUESTERS}) as requesters, count(*) filter (where ${STAFF}) as staff
      from chat_messages group by session_id
    ) t
    where t.session_id = k.session_id`);

  await knex.raw('alter table message_read_receipts add column seq bigint');
  await knex.raw('update message_read_receipts r set seq = m.seq from chat_messages m where m.id = r.message_id');
  await knex.raw('alter table message_read_receipts alter column seq set not null');
  await knex.raw('drop index message_read_receipts_session_user_idx');
  await knex.raw('create index message_read_receipts_session_user_seq_idx on message_read_receipts (session_id, user_id, seq)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index message_read_receipts_session_user_seq_idx');
  await knex.raw('create index message_read_receipts_session_user_idx on message_read_receipts (session_id, user_id)');
  await knex.raw('alter table message_read_receipts drop column seq');
  await knex.raw('alter table chat_messages drop column requesters_so_far, drop column staff_so_far');
  await knex.raw('alter table message_session_counters drop column requesters_so_far, drop column staff_so_far');
}
