import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateSessionRequest as _parley_session_v1_CreateSessionRequest, CreateSessionRequest__Output as _parley_session_v1_CreateSessionRequest__Output } from './parley/session/v1/CreateSessionRequest';
import type { GetSessionRequest as _parley_session_v1_GetSessionRequest, GetSessionRequest__Output as _parley_session_v1_GetSessionRequest__Output } from './parley/session/v1/GetSessionRequest';
import type { ListSessionsRequest as _parley_session_v1_ListSessionsRequest, ListSessionsRequest__Output as _parley_session_v1_ListSessionsRequest__Output } from './parley/session/v1/ListSessionsRequest';
import type { ListSessionsResponse as _parley_session_v1_ListSessionsResponse, ListSessionsResponse__Output as _parley_session_v1_ListSessionsResponse__Output } from './parley/session/v1/ListSessionsResponse';
import type { Session as _parley_session_v1_Session, Session__Output as _parley_session_v1_Session__Output } from './parley/session/v1/Session';
import type { SessionServiceClient as _parley_session_v1_SessionServiceClient, SessionServiceDefinition as _parley_session_v1_SessionServiceDefinition } from './parley/session/v1/SessionService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  parley: {
    session: {
      v1: {
        CreateSessionRequest: MessageTypeDefinition<_parley_session_v1_CreateSessionRequest, _parley_session_v1_CreateSessionRequest__Output>
        GetSessionRequest: MessageTypeDefinition<_parley_session_v1_GetSessionRequest, _parley_session_v1_GetSessionRequest__Output>
        ListSessionsRequest: MessageTypeDefinition<_parley_session_v1_ListSessionsRequest, _parley_session_v1_ListSessionsRequest__Output>
        ListSessionsResponse: MessageTypeDefinition<_parley_session_v1_ListSessionsResponse, _parley_session_v1_ListSessionsResponse__Output>
        Session: MessageTypeDefinition<_parley_session_v1_Session, _parley_session_v1_Session__Output>
        SessionService: SubtypeConstructor<typeof grpc.Client, _parley_session_v1_SessionServiceClient> & { service: _parley_session_v1_SessionServiceDefinition }
      }
    }
  }
}

