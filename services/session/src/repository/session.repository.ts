import type { Knex } from 'knex';
import type { ChatSession, EventEnvelope } from '@parley/contracts';
import type { Outbox } from '@parley/bus';
import type { NewSession, QueueSnapshot, SessionChange, SessionListFilter, SessionRepository } from '../domain/session.ports';
import { NaturalBatcher, succeeded } from '@parley/batching';
import { workloadChanged } from '../domain/session-events';
import { createEventWriter } from './event-writer';
import { QUEUE_RANK, queuePositions, readQueue } from './session-queue.queries';
import { readWorkload } from './workload.queries';

const TABLE = 'chat_sessions';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type Timestamp = 'created_at' | 'updated_at' | 'accepted_at' | 'resolved_at' | 'closed_at';
type Row = Omit<ChatSession, Timestamp> & Record<Timestamp, Date | null>;

function toSession(row: Row): ChatSession {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    ...row,
    created_at: iso(row.created_at) as string,
    updated_at: iso(row.updated_at) as string,
    accepted_at: iso(row.accepted_at),
    resolved_at: iso(row.resolved_at),
    closed_at: iso(row.closed_at),
  };
}

/** Whether a change moves the queue or an agent's load: it leaves or enters waiting or active. */
const touchesWorkload = (change: SessionChange) => [change.expect.status, change.set.status].some((status) => status === 'waiting' || status === 'active');

/**
 * chat_sessions in PostgreSQL; events go to session_outbox in the same transaction. Every change
 * of the queue or of an agent's load also announces the workload as it now stands (`workload.changed`).
 */
export function createSessionRepository(knex: Knex, outbox: Outbox): SessionRepository {
  const write = createEventWriter(outbox);
  const withWorkload = async (trx: Knex.Transaction, events: EventEnvelope[]) => [...events, workloadChanged(await readWorkload(trx, true))];

  // Look-ups that arrive together (a gateway's batch of joins, the other services' checks) share a query.
  const lookups = new NaturalBatcher<string, ChatSession | null>({
    hop: 'session.get',
    async run(ids) {
      // A malformed id finds nothing, and never fails the batch it shares with others.
      const rows = await knex<Row>(TABLE).whereIn('id', [...new Set(ids.filter((id) => UUID.test(id)))]).select('*');
      const byId = new Map(rows.map((row) => [row.id, toSession(row)]));
      return ids.map((id) => succeeded(byId.get(id) ?? null));
    },
  });
  const positions = new NaturalBatcher<ChatSession, number>({
    hop: 'session.queue-position',
    async run(sessions) {
      const found = await queuePositions(knex, sessions);
      return sessions.map((s) => succeeded(found.get(s.id) ?? 1));
    },
  });

  return {
    get: (id) => lookups.submit(id.toLowerCase()),

    async getMany(ids) {
      return (await knex<Row>(TABLE).whereIn('id', ids)).map(toSession);
    },

    async list({ customerId, agentId, status, limit, offset }: SessionListFilter) {
      const query = knex<Row>(TABLE).select('*').limit(limit).offset(offset);
      // `!== undefined`: a requester's filter must never widen to every session, whatever its value.
      if (customerId !== undefined) query.where({ customer_id: customerId });
      if (agentId !== undefined) query.where({ agent_id: agentId });
      if (status) query.where({ status });
      // The queue: most urgent first, then the longest waiting; anything else newest first.
      if (status === 'waiting') query.orderByRaw(`${QUEUE_RANK}, created_at`);
      else query.orderBy('created_at', 'desc');
      return (await query).map(toSession);
    },

    create: (session: NewSession, eventsFor) =>
      write(async (trx) => {
        const [row] = await trx<Row>(TABLE).insert(session).returning('*');
        const created = toSession(row as Row);
        return { result: created, events: await withWorkload(trx, eventsFor(created, await readQueue(trx))) };
      }),

    change: (id: string, change: SessionChange, eventsFor) =>
      write(async (trx) => {
        const update: Record<string, unknown> = { ...change.set, updated_at: trx.fn.now() };
        if (change.stamp) update[change.stamp] = trx.fn.now();
        if (change.clear) update[change.clear] = null;
        const query = trx<Row>(TABLE).where({ id, status: change.expect.status });
        if (change.expect.agentId !== undefined) query.where({ agent_id: change.expect.agentId });
        const [row] = await query.update(update).returning('*');
        if (!row) return { result: null, events: [] };
        const changed = toSession(row as Row);
        const queueMoved = change.expect.status === 'waiting' || change.set.status === 'waiting';
        const queue: QueueSnapshot | null = queueMoved ? await readQueue(trx) : null;
        const events = eventsFor(changed, queue);
        return { result: changed, events: touchesWorkload(change) ? await withWorkload(trx, events) : events };
      }),

    queuePosition: (session) => positions.submit(session),
  };
}
