import type { Knex } from 'knex';
import { NaturalBatcher, succeeded } from '@parley/batching';
import type { TypingChange, TypingRecord } from '../domain/typing.service';

/**
 * The indicators announced and stopped since the last batch, in one statement: the latest change
 * of each (session, user) wins; started ones are upserted with their expiry, stopped ones deleted.
 */
const APPLY_SQL = `
with started as (
  insert into typing_indicators as t (session_id, user_id, user_name, expires_at)
  select * from unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[])
  on conflict (session_id, user_id) do update set user_name = excluded.user_name,
    expires_at = greatest(t.expires_at, excluded.expires_at),
    -- A new burst of typing after an expired one starts anew.
    started_at = case when t.expires_at < now() then now() else t.started_at end
), stopped as (
  delete from typing_indicators t using unnest(?::uuid[], ?::text[]) as s(session_id, user_id)
  where t.session_id = s.session_id and t.user_id = s.user_id
)
select 1`;

/**
 * typing_indicators: the presence service's record of who is typing, written behind the signals,
 * at most one statement per `intervalMs` (a full batch at once: below the consumer's prefetch, so
 * a batch never waits for deliveries that wait for it).
 */
export function createTypingRecord(knex: Knex, intervalMs: number): TypingRecord {
  const batcher = new NaturalBatcher<TypingChange, void>({
    hop: 'presence.typing-record',
    maxBatchSize: 200,
    minIntervalMs: intervalMs,
    async run(changes) {
      const latest = new Map<string, TypingChange>();
      for (const change of changes) latest.set(`${change.session_id}/${change.user_id}`, change);
      const started = [...latest.values()].filter((c): c is Extract<TypingChange, { kind: 'started' }> => c.kind === 'started');
      const stopped = [...latest.values()].filter((c) => c.kind === 'stopped');
      await knex.raw(APPLY_SQL, [
        started.map((c) => c.session_id),
        started.map((c) => c.user_id),
        started.map((c) => c.user_name),
        started.map((c) => c.expires_at.toISOString()),
        stopped.map((c) => c.session_id),
        stopped.map((c) => c.user_id),
      ]);
      return changes.map(() => succeeded(undefined));
    },
  });
  return {
    apply: async (changes) => {
      await Promise.all(changes.map((change) => batcher.submit(change)));
    },
    deleteExpired: (now) => knex('typing_indicators').where('expires_at', '<', now).delete(),
  };
}
