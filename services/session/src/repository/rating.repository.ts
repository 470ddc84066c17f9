import type { Knex } from 'knex';
import type { SessionRating } from '@parley/contracts';
import type { RatingRepository } from '../domain/rating.ports';
import type { EventWriter } from './event-writer';

const TABLE = 'chat_session_ratings';
type Row = Omit<SessionRating, 'created_at'> & { created_at: Date };
const toRating = (row: Row): SessionRating => ({ ...row, created_at: row.created_at.toISOString() });

/** chat_session_ratings in PostgreSQL; `session.rated` goes to session_outbox in the same transaction. */
export function createRatingRepository(knex: Knex, write: EventWriter): RatingRepository {
  return {
    create: (rating, eventsFor) =>
      write(async (trx) => {
        // The primary key keeps one rating per chat, also when two arrive at once.
        const [row] = (await trx(TABLE).insert(rating).onConflict('session_id').ignore().returning('*')) as Row[];
        if (!row) return { result: null, events: [] };
        const stored = toRating(row);
        return { result: stored, events: eventsFor(stored) };
      }),

    async get(sessionId) {
      const row = (await knex(TABLE).where({ session_id: sessionId }).first()) as Row | undefined;
      return row ? toRating(row) : null;
    },
  };
}
