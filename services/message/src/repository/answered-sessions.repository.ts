import type { Knex } from 'knex';
import type { AnswerLedger } from '../domain/answered-sessions.service';

/** Answers every check in one query (a private note is no answer: the customer never sees it), through chat_messages_sender_idx (session_id, sender_id, seq). */
export function createAnswerLedger(knex: Knex): AnswerLedger {
  return {
    async answered(checks) {
      const { rows } = await knex.raw<{ rows: { session_id: string }[] }>(
        `select c.session_id::text as session_id
         from unnest(?::uuid[], ?::text[], ?::timestamptz[]) as c(session_id, agent_id, since)
         where exists (select 1 from chat_messages m where m.session_id = c.session_id and m.sender_id = c.agent_id and m.created_at >= c.since
             and m.message_type <> 'note')`,
        [checks.map((c) => c.session_id), checks.map((c) => c.agent_id), checks.map((c) => c.since)],
      );
      return rows.map((r) => r.session_id);
    },
  };
}
