import type { CallContext } from './call-metadata';
import { invoke } from './grpc-client';
import { sessionProto, SERVICE_NAMES } from './proto-loader';
import { serviceClient, type LocalServices } from './local-services';
import type { RatingServiceClient } from './generated/parley/session/v1/RatingService';
import type { RateSessionRequest } from './generated/parley/session/v1/RateSessionRequest';
import type { GetRatingResponse__Output } from './generated/parley/session/v1/GetRatingResponse';
import type { SessionRating__Output } from './generated/parley/session/v1/SessionRating';

/** The session service's chat ratings as their callers see them. */
export class RatingClient {
  private readonly client: RatingServiceClient;

  /** Over gRPC to `address`, or, given the process's `local` services, in process (all-in-one). */
  constructor(address: string, internalToken: string, local?: LocalServices) {
    this.client = serviceClient(sessionProto().RatingService, SERVICE_NAMES.ratings, address, internalToken, local);
  }

  rate(request: RateSessionRequest, context: CallContext): Promise<SessionRating__Output> {
    return invoke('session', (m, o, cb) => this.client.RateSession(request, m, o, cb), context);
  }

  /** The session's rating, or null when it has none. */
  async get(sessionId: string, context: CallContext): Promise<SessionRating__Output | null> {
    const answer = await invoke<GetRatingResponse__Output>('session', (m, o, cb) => this.client.GetRating({ session_id: sessionId }, m, o, cb), context);
    return answer.rated && answer.rating ? answer.rating : null;
  }

  close(): void {
    this.client.close();
  }
}
