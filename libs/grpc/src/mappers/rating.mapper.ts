import type { SessionRating } from '@parley/contracts';
import type { SessionRating as SessionRatingProto, SessionRating__Output } from '../generated/parley/session/v1/SessionRating';

/** Proto strings are '' when absent; clients see null. */
const orNull = (value: string): string | null => (value === '' ? null : value);

export function ratingToProto(rating: SessionRating): SessionRatingProto {
  return { ...rating, comment: rating.comment ?? '', agent_id: rating.agent_id ?? '', agent_name: rating.agent_name ?? '' };
}

export function ratingFromProto(proto: SessionRating__Output): SessionRating {
  return {
    session_id: proto.session_id,
    score: proto.score,
    comment: orNull(proto.comment),
    rated_by: proto.rated_by,
    agent_id: orNull(proto.agent_id),
    agent_name: orNull(proto.agent_name),
    created_at: proto.created_at,
  };
}
