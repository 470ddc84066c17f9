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

/** How many waiting sessions stand before this one, plus one. */
export async function queuePosition(knex: Knex, session: ChatSession): Promise<number> {
  // Compared with the stored row, not the ISO string: created_at keeps microseconds.
  const { rows } = await knex.raw<{ rows: { ahead: string }[] }>(
    `select count(*) as ahead from chat_sessions s, (select ${QUEUE_RANK} as rank, created_at from chat_sessions where id = ?) me
     where s.status = 'waiting' and (${QUEUE_RANK.replace('priority', 's.priority')}, s.created_at) < (me.rank, me.created_at)`,
    [session.id],
  );
  return Number(rows[0].ahead) + 1;
}
