import { ratingToProto, unary, type RatingServiceHandlers } from '@parley/grpc';
import type { Logger } from '@parley/logger';
import type { RatingService } from '../domain/rating.service';

export function createRatingGrpcHandlers(service: RatingService, logger: Logger): RatingServiceHandlers {
  return {
    RateSession: unary(logger, async (request, { identity }) =>
      ratingToProto(await service.rate(identity, request.session_id, { score: request.score, ...(request.comment ? { comment: request.comment } : {}) })),
    ),
    GetRating: unary(logger, async (request, { identity }) => {
      const rating = await service.get(identity, request.session_id);
      return rating ? { rated: true, rating: ratingToProto(rating) } : { rated: false };
    }),
  };
}
