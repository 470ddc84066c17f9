// Original file: parley/session/v1/session.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetRatingResponse as _parley_session_v1_GetRatingResponse, GetRatingResponse__Output as _parley_session_v1_GetRatingResponse__Output } from '../../../parley/session/v1/GetRatingResponse';
import type { RateSessionRequest as _parley_session_v1_RateSessionRequest, RateSessionRequest__Output as _parley_session_v1_RateSessionRequest__Output } from '../../../parley/session/v1/RateSessionRequest';
import type { SessionRating as _parley_session_v1_SessionRating, SessionRating__Output as _parley_session_v1_SessionRating__Output } from '../../../parley/session/v1/SessionRating';
import type { SessionRef as _parley_session_v1_SessionRef, SessionRef__Output as _parley_session_v1_SessionRef__Output } from '../../../parley/session/v1/SessionRef';

export interface RatingServiceClient extends grpc.Client {
  GetRating(argument: _parley_session_v1_SessionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_GetRatingResponse__Output>): grpc.ClientUnaryCall;
  GetRating(argument: _parley_session_v1_SessionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_GetRatingResponse__Output>): grpc.ClientUnaryCall;
  GetRating(argument: _parley_session_v1_SessionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_GetRatingResponse__Output>): grpc.ClientUnaryCall;
  GetRating(argument: _parley_session_v1_SessionRef, callback: grpc.requestCallback<_parley_session_v1_GetRatingResponse__Output>): grpc.ClientUnaryCall;
  getRating(argument: _parley_session_v1_SessionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_GetRatingResponse__Output>): grpc.ClientUnaryCall;
  getRating(argument: _parley_session_v1_SessionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_GetRatingResponse__Output>): grpc.ClientUnaryCall;
  getRating(argument: _parley_session_v1_SessionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_GetRatingResponse__Output>): grpc.ClientUnaryCall;
  getRating(argument: _parley_session_v1_SessionRef, callback: grpc.requestCallback<_parley_session_v1_GetRatingResponse__Output>): grpc.ClientUnaryCall;
  
  RateSession(argument: _parley_session_v1_RateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_SessionRating__Output>): grpc.ClientUnaryCall;
  RateSession(argument: _parley_session_v1_RateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_SessionRating__Output>): grpc.ClientUnaryCall;
  RateSession(argument: _parley_session_v1_RateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_SessionRating__Output>): grpc.ClientUnaryCall;
  RateSession(argument: _parley_session_v1_RateSessionRequest, callback: grpc.requestCallback<_parley_session_v1_SessionRating__Output>): grpc.ClientUnaryCall;
  rateSession(argument: _parley_session_v1_RateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_SessionRating__Output>): grpc.ClientUnaryCall;
  rateSession(argument: _parley_session_v1_RateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_SessionRating__Output>): grpc.ClientUnaryCall;
  rateSession(argument: _parley_session_v1_RateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_SessionRating__Output>): grpc.ClientUnaryCall;
  rateSession(argument: _parley_session_v1_RateSessionRequest, callback: grpc.requestCallback<_parley_session_v1_SessionRating__Output>): grpc.ClientUnaryCall;
  
}

export interface RatingServiceHandlers extends grpc.UntypedServiceImplementation {
  GetRating: grpc.handleUnaryCall<_parley_session_v1_SessionRef__Output, _parley_session_v1_GetRatingResponse>;
  
  RateSession: grpc.handleUnaryCall<_parley_session_v1_RateSessionRequest__Output, _parley_session_v1_SessionRating>;
  
}

export interface RatingServiceDefinition extends grpc.ServiceDefinition {
  GetRating: MethodDefinition<_parley_session_v1_SessionRef, _parley_session_v1_GetRatingResponse, _parley_session_v1_SessionRef__Output, _parley_session_v1_GetRatingResponse__Output>
  RateSession: MethodDefinition<_parley_session_v1_RateSessionRequest, _parley_session_v1_SessionRating, _parley_session_v1_RateSessionRequest__Output, _parley_session_v1_SessionRating__Output>
}
