// Original file: parley/session/v1/session.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateSessionRequest as _parley_session_v1_CreateSessionRequest, CreateSessionRequest__Output as _parley_session_v1_CreateSessionRequest__Output } from '../../../parley/session/v1/CreateSessionRequest';
import type { GetSessionRequest as _parley_session_v1_GetSessionRequest, GetSessionRequest__Output as _parley_session_v1_GetSessionRequest__Output } from '../../../parley/session/v1/GetSessionRequest';
import type { ListSessionsRequest as _parley_session_v1_ListSessionsRequest, ListSessionsRequest__Output as _parley_session_v1_ListSessionsRequest__Output } from '../../../parley/session/v1/ListSessionsRequest';
import type { ListSessionsResponse as _parley_session_v1_ListSessionsResponse, ListSessionsResponse__Output as _parley_session_v1_ListSessionsResponse__Output } from '../../../parley/session/v1/ListSessionsResponse';
import type { Session as _parley_session_v1_Session, Session__Output as _parley_session_v1_Session__Output } from '../../../parley/session/v1/Session';

export interface SessionServiceClient extends grpc.Client {
  CreateSession(argument: _parley_session_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _parley_session_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _parley_session_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _parley_session_v1_CreateSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  createSession(argument: _parley_session_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  createSession(argument: _parley_session_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  createSession(argument: _parley_session_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  createSession(argument: _parley_session_v1_CreateSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  
  GetSession(argument: _parley_session_v1_GetSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _parley_session_v1_GetSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _parley_session_v1_GetSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _parley_session_v1_GetSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _parley_session_v1_GetSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _parley_session_v1_GetSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _parley_session_v1_GetSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _parley_session_v1_GetSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  
  ListSessions(argument: _parley_session_v1_ListSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _parley_session_v1_ListSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _parley_session_v1_ListSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _parley_session_v1_ListSessionsRequest, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _parley_session_v1_ListSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _parley_session_v1_ListSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _parley_session_v1_ListSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _parley_session_v1_ListSessionsRequest, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface SessionServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateSession: grpc.handleUnaryCall<_parley_session_v1_CreateSessionRequest__Output, _parley_session_v1_Session>;
  
  GetSession: grpc.handleUnaryCall<_parley_session_v1_GetSessionRequest__Output, _parley_session_v1_Session>;
  
  ListSessions: grpc.handleUnaryCall<_parley_session_v1_ListSessionsRequest__Output, _parley_session_v1_ListSessionsResponse>;
  
}

export interface SessionServiceDefinition extends grpc.ServiceDefinition {
  CreateSession: MethodDefinition<_parley_session_v1_CreateSessionRequest, _parley_session_v1_Session, _parley_session_v1_CreateSessionRequest__Output, _parley_session_v1_Session__Output>
  GetSession: MethodDefinition<_parley_session_v1_GetSessionRequest, _parley_session_v1_Session, _parley_session_v1_GetSessionRequest__Output, _parley_session_v1_Session__Output>
  ListSessions: MethodDefinition<_parley_session_v1_ListSessionsRequest, _parley_session_v1_ListSessionsResponse, _parley_session_v1_ListSessionsRequest__Output, _parley_session_v1_ListSessionsResponse__Output>
}
