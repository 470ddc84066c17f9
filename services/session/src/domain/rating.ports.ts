import type { EventEnvelope, SessionRating } from '@parley/contracts';

/** What ratings need from storage. The event commits with the rating, or neither does. */
export interface RatingRepository {
  /** The stored rating, or null when the session already had one (it is kept as it was). */
  create(rating: Omit<SessionRating, 'created_at'>, eventsFor: (stored: SessionRating) => EventEnvelope[]): Promise<SessionRating | null>;
  get(sessionId: string): Promise<SessionRating | null>;
}
