/**
 * The set-based statements of a batch of registrations (`presence.repository.ts`): the same four
 * whatever the batch's size.
 */

/**
 * Every user's transaction-scoped lock (the key `lockUser` takes), in the order of the keys
 * themselves: two batches with users in common take their common locks in the same order and
 * never deadlock (two users whose ids hash alike share a key, taken once). The lock function is
 * volatile, so PostgreSQL calls it row by row after the sort.
 */
export const LOCK_USERS_SQL = `
select pg_advisory_xact_lock(hashtext('presence-user'), key)
from (select distinct hashtext(user_id) as key from unnest(?::text[]) as user_id) as keys
order by key`;

/**
 * The registry a batch needs, read after its locks (a statement's snapshot is taken when it
 * starts, so the lock and the read cannot be one statement): the sockets of the batch's users or
 * named by it, each with its sessions, and which of its gateways hold a live lease.
 */
export const REGISTRY_SQL = `
select
  coalesce((
    select json_agg(json_build_object(
      'socket_id', c.socket_id, 'gateway_id', c.gateway_id, 'user_id', c.user_id, 'user_role', c.user_role, 'user_name', c.user_name,
      'session_ids', (select coalesce(array_agg(m.session_id), '{}') from presence_memberships m where m.socket_id = c.socket_id)))
    from presence_connections c
    where c.user_id = any(?::text[]) or c.socket_id = any(?::text[])
  ), '[]') as sockets,
  (select coalesce(array_agg(g.gateway_id), '{}') from presence_gateways g where g.gateway_id = any(?::text[]) and g.lease_expires_at > ?) as live_gateways`;

/**
 * A batch's writes in one statement. Leases first in gateway order (rows locked in one order by
 * every batch); the update does not touch the key, so sockets registering meanwhile (their foreign
 * key takes a key share lock) never wait for it. Memberships are stamped in the order their
 * sockets joined (`clock_timestamp()` row by row, after the sort), so participants list a batch's
 * joiners first joined first. Deleting a socket deletes its memberships (on delete cascade).
 */
export const APPLY_CHANGES_SQL = `
with leases as (
  insert into presence_gateways as g (gateway_id, lease_expires_at)
  select gateway_id, ?::timestamptz from unnest(?::text[]) as gateway_id
  on conflict (gateway_id) do update set lease_expires_at = greatest(g.lease_expires_at, excluded.lease_expires_at)
  returning 1
), added as (
  insert into presence_connections (socket_id, gateway_id, user_id, user_role, user_name)
  select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
  returning 1
), dropped as (
  delete from presence_connections where socket_id = any(?::text[])
  returning 1
), left_sessions as (
  delete from presence_memberships m using unnest(?::text[], ?::uuid[]) as l(socket_id, session_id)
  where m.socket_id = l.socket_id and m.session_id = l.session_id
  returning 1
), joined as (
  insert into presence_memberships (socket_id, session_id, user_id, joined_at)
  select socket_id, session_id, user_id, clock_timestamp()
  from unnest(?::text[], ?::uuid[], ?::text[]) with ordinality as j(socket_id, session_id, user_id, n)
  order by n
  returning 1
), online as (
  insert into agent_states as a (agent_id, agent_name, offline_since)
  select agent_id, agent_name, null::timestamptz from unnest(?::text[], ?::text[]) as o(agent_id, agent_name)
  on conflict (agent_id) do update set agent_name = excluded.agent_name, offline_since = null, updated_at = now()
  returning 1
), offline as (
  update agent_states set offline_since = now(), updated_at = now()
  where agent_id = any(?::text[]) and offline_since is null
  returning 1
)
select 1`;

/** Who is in each of the sessions: one row per user (their first socket in), first joined first. */
export const PARTICIPANTS_SQL = `
select session_id, user_id, role, name from (
  select distinct on (m.session_id, m.user_id) m.session_id, m.user_id, c.user_role as role, c.user_name as name, m.joined_at
  from presence_memberships m join presence_connections c on c.socket_id = m.socket_id
  where m.session_id = any(?::uuid[])
  order by m.session_id, m.user_id, m.joined_at
) first_joins
order by session_id, joined_at, user_id`;
