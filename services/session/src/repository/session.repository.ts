import type { Knex } from 'knex';
import type { ChatSession, EventEnvelope } from '@parley/contracts';
import type { OutboxRelay, OutboxRepository } from '@parley/bus';
import type { NewSession, QueueSnapshot, SessionChange, SessionListFilter, SessionRepository } from '../domain/session.ports';
import { QUEUE_RANK, queuePosition, readQueue } from './session-queue.queries';

const TABLE = 'chat_sessions';
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

/** chat_sessions in PostgreSQL; events go to session_outbox in the same transaction. */
export function createSessionRepository(knex: Knex, outbox: OutboxRepository, relay: OutboxRelay): SessionRepository {
  /** Runs a write and its events in one transaction, then wakes the relay. */
  async function write<T>(work: (trx: Knex.Transaction) => Promise<{ result: T; events: EventEnvelope[] }>): Promise<T> {
    const result = await knex.transaction(async (trx) => {
      const done = await work(trx);
      await outbox.add(trx, done.events);
      return done.result;
    });
    relay.notify();
    return result;
  }

  return {
    async get(id) {
      const row = await knex<Row>(TABLE).where({ id }).first();
      return row ? toSession(row) : null;
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
        return { result: created, events: eventsFor(created, await readQueue(trx)) };
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
        return { result: changed, events: eventsFor(changed, queue) };
      }),

    queuePosition: (session) => queuePosition(knex, session),
  };
}
