// Original file: parley/session/v1/session.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CannedResponse as _parley_session_v1_CannedResponse, CannedResponse__Output as _parley_session_v1_CannedResponse__Output } from '../../../parley/session/v1/CannedResponse';
import type { CannedResponseRef as _parley_session_v1_CannedResponseRef, CannedResponseRef__Output as _parley_session_v1_CannedResponseRef__Output } from '../../../parley/session/v1/CannedResponseRef';
import type { CreateCannedResponseRequest as _parley_session_v1_CreateCannedResponseRequest, CreateCannedResponseRequest__Output as _parley_session_v1_CreateCannedResponseRequest__Output } from '../../../parley/session/v1/CreateCannedResponseRequest';
import type { DeleteCannedResponseResponse as _parley_session_v1_DeleteCannedResponseResponse, DeleteCannedResponseResponse__Output as _parley_session_v1_DeleteCannedResponseResponse__Output } from '../../../parley/session/v1/DeleteCannedResponseResponse';
import type { ListCannedResponsesRequest as _parley_session_v1_ListCannedResponsesRequest, ListCannedResponsesRequest__Output as _parley_session_v1_ListCannedResponsesRequest__Output } from '../../../parley/session/v1/ListCannedResponsesRequest';
import type { ListCannedResponsesResponse as _parley_session_v1_ListCannedResponsesResponse, ListCannedResponsesResponse__Output as _parley_session_v1_ListCannedResponsesResponse__Output } from '../../../parley/session/v1/ListCannedResponsesResponse';
import type { UpdateCannedResponseRequest as _parley_session_v1_UpdateCannedResponseRequest, UpdateCannedResponseRequest__Output as _parley_session_v1_UpdateCannedResponseRequest__Output } from '../../../parley/session/v1/UpdateCannedResponseRequest';

export interface CannedResponseServiceClient extends grpc.Client {
  CreateCannedResponse(argument: _parley_session_v1_CreateCannedResponseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  CreateCannedResponse(argument: _parley_session_v1_CreateCannedResponseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  CreateCannedResponse(argument: _parley_session_v1_CreateCannedResponseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  CreateCannedResponse(argument: _parley_session_v1_CreateCannedResponseRequest, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  createCannedResponse(argument: _parley_session_v1_CreateCannedResponseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  createCannedResponse(argument: _parley_session_v1_CreateCannedResponseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  createCannedResponse(argument: _parley_session_v1_CreateCannedResponseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  createCannedResponse(argument: _parley_session_v1_CreateCannedResponseRequest, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteCannedResponse(argument: _parley_session_v1_CannedResponseRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_DeleteCannedResponseResponse__Output>): grpc.ClientUnaryCall;
  DeleteCannedResponse(argument: _parley_session_v1_CannedResponseRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_DeleteCannedResponseResponse__Output>): grpc.ClientUnaryCall;
  DeleteCannedResponse(argument: _parley_session_v1_CannedResponseRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_DeleteCannedResponseResponse__Output>): grpc.ClientUnaryCall;
  DeleteCannedResponse(argument: _parley_session_v1_CannedResponseRef, callback: grpc.requestCallback<_parley_session_v1_DeleteCannedResponseResponse__Output>): grpc.ClientUnaryCall;
  deleteCannedResponse(argument: _parley_session_v1_CannedResponseRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_DeleteCannedResponseResponse__Output>): grpc.ClientUnaryCall;
  deleteCannedResponse(argument: _parley_session_v1_CannedResponseRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_DeleteCannedResponseResponse__Output>): grpc.ClientUnaryCall;
  deleteCannedResponse(argument: _parley_session_v1_CannedResponseRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_DeleteCannedResponseResponse__Output>): grpc.ClientUnaryCall;
  deleteCannedResponse(argument: _parley_session_v1_CannedResponseRef, callback: grpc.requestCallback<_parley_session_v1_DeleteCannedResponseResponse__Output>): grpc.ClientUnaryCall;
  
  ListCannedResponses(argument: _parley_session_v1_ListCannedResponsesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListCannedResponsesResponse__Output>): grpc.ClientUnaryCall;
  ListCannedResponses(argument: _parley_session_v1_ListCannedResponsesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_ListCannedResponsesResponse__Output>): grpc.ClientUnaryCall;
  ListCannedResponses(argument: _parley_session_v1_ListCannedResponsesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListCannedResponsesResponse__Output>): grpc.ClientUnaryCall;
  ListCannedResponses(argument: _parley_session_v1_ListCannedResponsesRequest, callback: grpc.requestCallback<_parley_session_v1_ListCannedResponsesResponse__Output>): grpc.ClientUnaryCall;
  listCannedResponses(argument: _parley_session_v1_ListCannedResponsesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListCannedResponsesResponse__Output>): grpc.ClientUnaryCall;
  listCannedResponses(argument: _parley_session_v1_ListCannedResponsesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_ListCannedResponsesResponse__Output>): grpc.ClientUnaryCall;
  listCannedResponses(argument: _parley_session_v1_ListCannedResponsesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_ListCannedResponsesResponse__Output>): grpc.ClientUnaryCall;
  listCannedResponses(argument: _parley_session_v1_ListCannedResponsesRequest, callback: grpc.requestCallback<_parley_session_v1_ListCannedResponsesResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateCannedResponse(argument: _parley_session_v1_UpdateCannedResponseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  UpdateCannedResponse(argument: _parley_session_v1_UpdateCannedResponseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  UpdateCannedResponse(argument: _parley_session_v1_UpdateCannedResponseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  UpdateCannedResponse(argument: _parley_session_v1_UpdateCannedResponseRequest, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  updateCannedResponse(argument: _parley_session_v1_UpdateCannedResponseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  updateCannedResponse(argument: _parley_session_v1_UpdateCannedResponseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  updateCannedResponse(argument: _parley_session_v1_UpdateCannedResponseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  updateCannedResponse(argument: _parley_session_v1_UpdateCannedResponseRequest, callback: grpc.requestCallback<_parley_session_v1_CannedResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CannedResponseServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateCannedResponse: grpc.handleUnaryCall<_parley_session_v1_CreateCannedResponseRequest__Output, _parley_session_v1_CannedResponse>;
  
  DeleteCannedResponse: grpc.handleUnaryCall<_parley_session_v1_CannedResponseRef__Output, _parley_session_v1_DeleteCannedResponseResponse>;
  
  ListCannedResponses: grpc.handleUnaryCall<_parley_session_v1_ListCannedResponsesRequest__Output, _parley_session_v1_ListCannedResponsesResponse>;
  
  UpdateCannedResponse: grpc.handleUnaryCall<_parley_session_v1_UpdateCannedResponseRequest__Output, _parley_session_v1_CannedResponse>;
  
}

export interface CannedResponseServiceDefinition extends grpc.ServiceDefinition {
  CreateCannedResponse: MethodDefinition<_parley_session_v1_CreateCannedResponseRequest, _parley_session_v1_CannedResponse, _parley_session_v1_CreateCannedResponseRequest__Output, _parley_session_v1_CannedResponse__Output>
  DeleteCannedResponse: MethodDefinition<_parley_session_v1_CannedResponseRef, _parley_session_v1_DeleteCannedResponseResponse, _parley_session_v1_CannedResponseRef__Output, _parley_session_v1_DeleteCannedResponseResponse__Output>
  ListCannedResponses: MethodDefinition<_parley_session_v1_ListCannedResponsesRequest, _parley_session_v1_ListCannedResponsesResponse, _parley_session_v1_ListCannedResponsesRequest__Output, _parley_session_v1_ListCannedResponsesResponse__Output>
  UpdateCannedResponse: MethodDefinition<_parley_session_v1_UpdateCannedResponseRequest, _parley_session_v1_CannedResponse, _parley_session_v1_UpdateCannedResponseRequest__Output, _parley_session_v1_CannedResponse__Output>
}
