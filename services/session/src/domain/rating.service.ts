import { rateSessionBodySchema, sessionIdSchema, validate, type ChatSession, type Identity, type SessionRating } from '@parley/contracts';
import { AppError, failedPrecondition, permissionDenied } from '@parley/errors';
import { sessionRated } from './session-events';
import type { RatingRepository } from './rating.ports';

export interface RatingDeps {
  ratings: RatingRepository;
  /** The session as the caller may see it (NOT_FOUND / PERMISSION_DENIED otherwise). */
  get(identity: Identity, sessionId: string): Promise<ChatSession>;
}

/** A chat is rated once, by the customer or restaurant who opened it, after it was resolved or closed. */
export function createRatingService({ ratings, get }: RatingDeps) {
  return {
    async rate(identity: Identity, sessionId: unknown, body: unknown): Promise<SessionRating> {
      const id = validate(sessionIdSchema, sessionId);
      const input = validate(rateSessionBodySchema, body ?? {});
      const session = await get(identity, id);
      if (session.customer_id !== identity.userId) throw permissionDenied('Only the customer who opened the chat rates it');
      if (session.status !== 'resolved' && session.status !== 'closed') throw failedPrecondition(`A chat is rated once it is resolved or closed; this one is ${session.status}`);
      const rating = await ratings.create(
        { session_id: id, score: input.score, comment: input.comment || null, rated_by: identity.userId, agent_id: session.agent_id, agent_name: session.agent_name },
        (stored) => sessionRated({ session_id: id, rating: stored }),
      );
      if (!rating) throw new AppError('ALREADY_EXISTS', 'This chat has already been rated');
      return rating;
    },

    /** The rating of a session the caller may see; null when it has none. */
    async get(identity: Identity, sessionId: unknown): Promise<SessionRating | null> {
      const id = validate(sessionIdSchema, sessionId);
      await get(identity, id);
      return ratings.get(id);
    },
  };
}

export type RatingService = ReturnType<typeof createRatingService>;
