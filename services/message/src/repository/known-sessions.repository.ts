import type { Knex } from 'knex';
import type { KnownSessions } from '../domain/message-search.ports';

/**
 * message_sessions: the session service's events as this service keeps them. The session's own
 * `updated_at` orders them, so an event delivered late or twice never undoes a newer one.
 */
export function createKnownSessions(knex: Knex): KnownSessions {
  return {
    async record(session) {
      await knex.raw(
        `insert into message_sessions (session_id, requester_id, status, opened_at, changed_at) values (?, ?, ?, ?, ?)
         on conflict (session_id) do update set status = excluded.status, changed_at = excluded.changed_at
         where message_sessions.changed_at <= excluded.changed_at`,
        [session.id, session.customer_id, session.status, session.created_at, session.updated_at],
      );
    },
  };
}
