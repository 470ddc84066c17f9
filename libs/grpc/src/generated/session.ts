import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AssignSessionRequest as _parley_session_v1_AssignSessionRequest, AssignSessionRequest__Output as _parley_session_v1_AssignSessionRequest__Output } from './parley/session/v1/AssignSessionRequest';
import type { CreateSessionRequest as _parley_session_v1_CreateSessionRequest, CreateSessionRequest__Output as _parley_session_v1_CreateSessionRequest__Output } from './parley/session/v1/CreateSessionRequest';
import type { GetSessionRequest as _parley_session_v1_GetSessionRequest, GetSessionRequest__Output as _parley_session_v1_GetSessionRequest__Output } from './parley/session/v1/GetSessionRequest';
import type { ListSessionsRequest as _parley_session_v1_ListSessionsRequest, ListSessionsRequest__Output as _parley_session_v1_ListSessionsRequest__Output } from './parley/session/v1/ListSessionsRequest';
import type { ListSessionsResponse as _parley_session_v1_ListSessionsResponse, ListSessionsResponse__Output as _parley_session_v1_ListSessionsResponse__Output } from './parley/session/v1/ListSessionsResponse';
import type { Session as _parley_session_v1_Session, Session__Output as _parley_session_v1_Session__Output } from './parley/session/v1/Session';
import type { SessionRef as _parley_session_v1_SessionRef, SessionRef__Output as _parley_session_v1_SessionRef__Output } from './parley/session/v1/SessionRef';
import type { SessionServiceClient as _parley_session_v1_SessionServiceClient, SessionServiceDefinition as _parley_session_v1_SessionServiceDefinition } from './parley/session/v1/SessionService';
import type { TransferSessionRequest as _parley_session_v1_TransferSessionRequest, TransferSessionRequest__Output as _parley_session_v1_TransferSessionRequest__Output } from './parley/session/v1/TransferSessionRequest';
import type { UpdateStatusRequest as _parley_session_v1_UpdateStatusRequest, UpdateStatusRequest__Output as _parley_session_v1_UpdateStatusRequest__Output } from './parley/session/v1/UpdateStatusRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  parley: {
    session: {
      v1: {
        AssignSessionRequest: MessageTypeDefinition<_parley_session_v1_AssignSessionRequest, _parley_session_v1_AssignSessionRequest__Output>
        CreateSessionRequest: MessageTypeDefinition<_parley_session_v1_CreateSessionRequest, _parley_session_v1_CreateSessionRequest__Output>
        GetSessionRequest: MessageTypeDefinition<_parley_session_v1_GetSessionRequest, _parley_session_v1_GetSessionRequest__Output>
        ListSessionsRequest: MessageTypeDefinition<_parley_session_v1_ListSessionsRequest, _parley_session_v1_ListSessionsRequest__Output>
        ListSessionsResponse: MessageTypeDefinition<_parley_session_v1_ListSessionsResponse, _parley_session_v1_ListSessionsResponse__Output>
        Session: MessageTypeDefinition<_parley_session_v1_Session, _parley_session_v1_Session__Output>
        SessionRef: MessageTypeDefinition<_parley_session_v1_SessionRef, _parley_session_v1_SessionRef__Output>
        SessionService: SubtypeConstructor<typeof grpc.Client, _parley_session_v1_SessionServiceClient> & { service: _parley_session_v1_SessionServiceDefinition }
        TransferSessionRequest: MessageTypeDefinition<_parley_session_v1_TransferSessionRequest, _parley_session_v1_TransferSessionRequest__Output>
        UpdateStatusRequest: MessageTypeDefinition<_parley_session_v1_UpdateStatusRequest, _parley_session_v1_UpdateStatusRequest__Output>
      }
    }
  }
}

