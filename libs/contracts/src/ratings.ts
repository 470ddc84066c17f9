import { z } from 'zod';
import { noNul } from './api-schemas';

export const RATING_COMMENT_MAX_LENGTH = 1000;

/** How the customer (or restaurant) rated a chat once it ended. */
export interface SessionRating {
  session_id: string;
  /** 1 (bad) to 5 (excellent). */
  score: number;
  comment: string | null;
  rated_by: string;
  /** The agent who had the chat when it was rated (null if none had). */
  agent_id: string | null;
  agent_name: string | null;
  created_at: string;
}

/** POST /sessions/:id/rating: `{ score, comment? }`; an empty comment is no comment. */
export const rateSessionBodySchema = z.strictObject({
  score: z.number({ message: 'score must be a whole number from 1 to 5' }).int({ message: 'score must be a whole number from 1 to 5' }).min(1, { message: 'score must be a whole number from 1 to 5' }).max(5, { message: 'score must be a whole number from 1 to 5' }),
  comment: z
    .string({ message: 'comment must be a string' })
    .trim()
    .max(RATING_COMMENT_MAX_LENGTH, { message: `comment must be at most ${RATING_COMMENT_MAX_LENGTH} characters` })
    .refine(...noNul('comment'))
    .optional(),
});

export type RateSessionInput = z.infer<typeof rateSessionBodySchema>;

/** The session service's `session.rated` event and the `chat_rated` socket event. */
export interface ChatRatedEvent {
  session_id: string;
  rating: SessionRating;
}
