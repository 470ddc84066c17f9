import type { Knex } from 'knex';
import type { ChatSession, EventEnvelope } from '@parley/contracts';
import type { OutboxRelay, OutboxRepository } from '@parley/bus';
import type { NewSession, SessionListFilter, SessionRepository } from '../domain/session.ports';

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
  return {
    async get(id) {
      const row = await knex<Row>(TABLE).where({ id }).first();
      return row ? toSession(row) : null;
    },

    async list({ customerId, status, limit, offset }: SessionListFilter) {
      const query = knex<Row>(TABLE).select('*').limit(limit).offset(offset);
      // `!== undefined`: a requester's filter must never widen to every session, whatever its value.
      if (customerId !== undefined) query.where({ customer_id: customerId });
      if (status) query.where({ status });
      if (status === 'waiting') {
        // The queue: most urgent first, then the longest waiting.
        query.orderByRaw(`case priority when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`).orderBy('created_at', 'asc');
      } else {
        query.orderBy('created_at', 'desc');
      }
      return (await query).map(toSession);
    },

    async create(session: NewSession, eventsFor: (created: ChatSession) => EventEnvelope[]) {
      const created = await knex.transaction(async (trx) => {
        const [row] = await trx<Row>(TABLE).insert(session).returning('*');
        const result = toSession(row as Row);
        await outbox.add(trx, eventsFor(result));
        return result;
      });
      relay.notify();
      return created;
    },
  };
}
