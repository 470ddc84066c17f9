import type { Knex } from 'knex';
import { QUEUE_EVENT_MAX, type ChatSession } from '@parley/contracts';
import type { QueueSnapshot } from '../domain/session.ports';

/** The queue order, written exactly as the partial index chat_sessions_queue_idx, so it is used. */
export const QUEUE_RANK = `(case priority when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 else 3 end)`;

/** The waiting queue in the caller's transaction, with a fresh version for the event. */
export async function readQueue(trx: Knex.Transaction): Promise<QueueSnapshot> {
  // One connection: one query after the other.
  const { rows: versionRows } = await trx.raw<{ rows: { version: string }[] }>(`select nextval('session_queue_version') as version`);
  const waiting = await trx('chat_sessions').where({ status: 'waiting' }).orderByRaw(`${QUEUE_RANK}, created_at`).limit(QUEUE_EVENT_MAX).pluck('id');
  const [{ total }] = await trx('chat_sessions').where({ status: 'waiting' }).count<{ total: string }[]>('* as total');
  return { version: Number(versionRows[0].version), waiting: waiting as string[], total: Number(total) };
}

/** Per session, how many waiting sessions stand before it, plus one: one query for many. */
export async function queuePositions(knex: Knex, sessions: ChatSession[]): Promise<Map<string, number>> {
  // Compared with the stored rows, not the ISO strings: created_at keeps microseconds.
  const { rows } = await knex.raw<{ rows: { id: string; ahead: string }[] }>(
    `select me.id, (select count(*) from chat_sessions s
                    where s.status = 'waiting' and (${QUEUE_RANK.replace('priority', 's.priority')}, s.created_at) < (me.rank, me.created_at)) as ahead
     from (select id, ${QUEUE_RANK} as rank, created_at from chat_sessions where id = any(?::uuid[])) me`,
    [sessions.map((s) => s.id)],
  );
  return new Map(rows.map((r) => [r.id, Number(r.ahead) + 1]));
}
