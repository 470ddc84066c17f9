// Original file: parley/session/v1/session.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AssignSessionRequest as _parley_session_v1_AssignSessionRequest, AssignSessionRequest__Output as _parley_session_v1_AssignSessionRequest__Output } from '../../../parley/session/v1/AssignSessionRequest';
import type { CreateSessionRequest as _parley_session_v1_CreateSessionRequest, CreateSessionRequest__Output as _parley_session_v1_CreateSessionRequest__Output } from '../../../parley/session/v1/CreateSessionRequest';
import type { FindSessionsRequest as _parley_session_v1_FindSessionsRequest, FindSessionsRequest__Output as _parley_session_v1_FindSessionsRequest__Output } from '../../../parley/session/v1/FindSessionsRequest';
import type { GetSessionRequest as _parley_session_v1_GetSessionRequest, GetSessionRequest__Output as _parley_session_v1_GetSessionRequest__Output } from '../../../parley/session/v1/GetSessionRequest';
import type { GetSessionsRequest as _parley_session_v1_GetSessionsRequest, GetSessionsRequest__Output as _parley_session_v1_GetSessionsRequest__Output } from '../../../parley/session/v1/GetSessionsRequest';
import type { GetSessionsResponse as _parley_session_v1_GetSessionsResponse, GetSessionsResponse__Output as _parley_session_v1_GetSessionsResponse__Output } from '../../../parley/session/v1/GetSessionsResponse';
import type { ListSessionsRequest as _parley_session_v1_ListSessionsRequest, ListSessionsRequest__Output as _parley_session_v1_ListSessionsRequest__Output } from '../../../parley/session/v1/ListSessionsRequest';
import type { ListSessionsResponse as _parley_session_v1_ListSessionsResponse, ListSessionsResponse__Output as _parley_session_v1_ListSessionsResponse__Output } from '../../../parley/session/v1/ListSessionsResponse';
import type { Session as _parley_session_v1_Session, Session__Output as _parley_session_v1_Session__Output } from '../../../parley/session/v1/Session';
import type { SessionRef as _parley_session_v1_SessionRef, SessionRef__Output as _parley_session_v1_SessionRef__Output } from '../../../parley/session/v1/SessionRef';
import type { TransferSessionRequest as _parley_session_v1_TransferSessionRequest, TransferSessionRequest__Output as _parley_session_v1_TransferSessionRequest__Output } from '../../../parley/session/v1/TransferSessionRequest';
import type { UpdateStatusRequest as _parley_session_v1_UpdateStatusRequest, UpdateStatusRequest__Output as _parley_session_v1_UpdateStatusRequest__Output } from '../../../parley/session/v1/UpdateStatusRequest';

export interface SessionServiceClient extends grpc.Client {
  AcceptSession(argument: _parley_session_v1_SessionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  AcceptSession(argument: _parley_session_v1_SessionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  AcceptSession(argument: _parley_session_v1_SessionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  AcceptSession(argument: _parley_session_v1_SessionRef, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  acceptSession(argument: _parley_session_v1_SessionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  acceptSession(argument: _parley_session_v1_SessionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  acceptSession(argument: _parley_session_v1_SessionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  acceptSession(argument: _parley_session_v1_SessionRef, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  
  AssignSession(argument: _parley_session_v1_AssignSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  AssignSession(argument: _parley_session_v1_AssignSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  AssignSession(argument: _parley_session_v1_AssignSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  AssignSession(argument: _parley_session_v1_AssignSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  assignSession(argument: _parley_session_v1_AssignSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  assignSession(argument: _parley_session_v1_AssignSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  assignSession(argument: _parley_session_v1_AssignSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  assignSession(argument: _parley_session_v1_AssignSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  
  CreateSession(argument: _parley_session_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _parley_session_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _parley_session_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _parley_session_v1_CreateSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  createSession(argument: _parley_session_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  createSession(argument: _parley_session_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  createSession(argument: _parley_session_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  createSession(argument: _parley_session_v1_CreateSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  
  FindSessions(argument: _parley_session_v1_FindSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  FindSessions(argument: _parley_session_v1_FindSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  FindSessions(argument: _parley_session_v1_FindSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  FindSessions(argument: _parley_session_v1_FindSessionsRequest, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  findSessions(argument: _parley_session_v1_FindSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  findSessions(argument: _parley_session_v1_FindSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  findSessions(argument: _parley_session_v1_FindSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  findSessions(argument: _parley_session_v1_FindSessionsRequest, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  
  GetSession(argument: _parley_session_v1_GetSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _parley_session_v1_GetSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _parley_session_v1_GetSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _parley_session_v1_GetSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _parley_session_v1_GetSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _parley_session_v1_GetSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _parley_session_v1_GetSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  getSession(argument: _parley_session_v1_GetSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  
  GetSessions(argument: _parley_session_v1_GetSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_GetSessionsResponse__Output>): grpc.ClientUnaryCall;
  GetSessions(argument: _parley_session_v1_GetSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_GetSessionsResponse__Output>): grpc.ClientUnaryCall;
  GetSessions(argument: _parley_session_v1_GetSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_GetSessionsResponse__Output>): grpc.ClientUnaryCall;
  GetSessions(argument: _parley_session_v1_GetSessionsRequest, callback: grpc.requestCallback<_parley_session_v1_GetSessionsResponse__Output>): grpc.ClientUnaryCall;
  getSessions(argument: _parley_session_v1_GetSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_GetSessionsResponse__Output>): grpc.ClientUnaryCall;
  getSessions(argument: _parley_session_v1_GetSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_GetSessionsResponse__Output>): grpc.ClientUnaryCall;
  getSessions(argument: _parley_session_v1_GetSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_GetSessionsResponse__Output>): grpc.ClientUnaryCall;
  getSessions(argument: _parley_session_v1_GetSessionsRequest, callback: grpc.requestCallback<_parley_session_v1_GetSessionsResponse__Output>): grpc.ClientUnaryCall;
  
  ListSessions(argument: _parley_session_v1_ListSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _parley_session_v1_ListSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _parley_session_v1_ListSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _parley_session_v1_ListSessionsRequest, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _parley_session_v1_ListSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _parley_session_v1_ListSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _parley_session_v1_ListSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _parley_session_v1_ListSessionsRequest, callback: grpc.requestCallback<_parley_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  
  TransferSession(argument: _parley_session_v1_TransferSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  TransferSession(argument: _parley_session_v1_TransferSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  TransferSession(argument: _parley_session_v1_TransferSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  TransferSession(argument: _parley_session_v1_TransferSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  transferSession(argument: _parley_session_v1_TransferSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  transferSession(argument: _parley_session_v1_TransferSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  transferSession(argument: _parley_session_v1_TransferSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  transferSession(argument: _parley_session_v1_TransferSessionRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  
  UpdateStatus(argument: _parley_session_v1_UpdateStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  UpdateStatus(argument: _parley_session_v1_UpdateStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  UpdateStatus(argument: _parley_session_v1_UpdateStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  UpdateStatus(argument: _parley_session_v1_UpdateStatusRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  updateStatus(argument: _parley_session_v1_UpdateStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  updateStatus(argument: _parley_session_v1_UpdateStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  updateStatus(argument: _parley_session_v1_UpdateStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  updateStatus(argument: _parley_session_v1_UpdateStatusRequest, callback: grpc.requestCallback<_parley_session_v1_Session__Output>): grpc.ClientUnaryCall;
  
}

export interface SessionServiceHandlers extends grpc.UntypedServiceImplementation {
  AcceptSession: grpc.handleUnaryCall<_parley_session_v1_SessionRef__Output, _parley_session_v1_Session>;
  
  AssignSession: grpc.handleUnaryCall<_parley_session_v1_AssignSessionRequest__Output, _parley_session_v1_Session>;
  
  CreateSession: grpc.handleUnaryCall<_parley_session_v1_CreateSessionRequest__Output, _parley_session_v1_Session>;
  
  FindSessions: grpc.handleUnaryCall<_parley_session_v1_FindSessionsRequest__Output, _parley_session_v1_ListSessionsResponse>;
  
  GetSession: grpc.handleUnaryCall<_parley_session_v1_GetSessionRequest__Output, _parley_session_v1_Session>;
  
  GetSessions: grpc.handleUnaryCall<_parley_session_v1_GetSessionsRequest__Output, _parley_session_v1_GetSessionsResponse>;
  
  ListSessions: grpc.handleUnaryCall<_parley_session_v1_ListSessionsRequest__Output, _parley_session_v1_ListSessionsResponse>;
  
  TransferSession: grpc.handleUnaryCall<_parley_session_v1_TransferSessionRequest__Output, _parley_session_v1_Session>;
  
  UpdateStatus: grpc.handleUnaryCall<_parley_session_v1_UpdateStatusRequest__Output, _parley_session_v1_Session>;
  
}

export interface SessionServiceDefinition extends grpc.ServiceDefinition {
  AcceptSession: MethodDefinition<_parley_session_v1_SessionRef, _parley_session_v1_Session, _parley_session_v1_SessionRef__Output, _parley_session_v1_Session__Output>
  AssignSession: MethodDefinition<_parley_session_v1_AssignSessionRequest, _parley_session_v1_Session, _parley_session_v1_AssignSessionRequest__Output, _parley_session_v1_Session__Output>
  CreateSession: MethodDefinition<_parley_session_v1_CreateSessionRequest, _parley_session_v1_Session, _parley_session_v1_CreateSessionRequest__Output, _parley_session_v1_Session__Output>
  FindSessions: MethodDefinition<_parley_session_v1_FindSessionsRequest, _parley_session_v1_ListSessionsResponse, _parley_session_v1_FindSessionsRequest__Output, _parley_session_v1_ListSessionsResponse__Output>
  GetSession: MethodDefinition<_parley_session_v1_GetSessionRequest, _parley_session_v1_Session, _parley_session_v1_GetSessionRequest__Output, _parley_session_v1_Session__Output>
  GetSessions: MethodDefinition<_parley_session_v1_GetSessionsRequest, _parley_session_v1_GetSessionsResponse, _parley_session_v1_GetSessionsRequest__Output, _parley_session_v1_GetSessionsResponse__Output>
  ListSessions: MethodDefinition<_parley_session_v1_ListSessionsRequest, _parley_session_v1_ListSessionsResponse, _parley_session_v1_ListSessionsRequest__Output, _parley_session_v1_ListSessionsResponse__Output>
  TransferSession: MethodDefinition<_parley_session_v1_TransferSessionRequest, _parley_session_v1_Session, _parley_session_v1_TransferSessionRequest__Output, _parley_session_v1_Session__Output>
  UpdateStatus: MethodDefinition<_parley_session_v1_UpdateStatusRequest, _parley_session_v1_Session, _parley_session_v1_UpdateStatusRequest__Output, _parley_session_v1_Session__Output>
}
