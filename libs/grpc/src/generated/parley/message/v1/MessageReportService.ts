// Original file: parley/message/v1/message.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { FirstResponseReport as _parley_message_v1_FirstResponseReport, FirstResponseReport__Output as _parley_message_v1_FirstResponseReport__Output } from '../../../parley/message/v1/FirstResponseReport';
import type { FirstResponsesRequest as _parley_message_v1_FirstResponsesRequest, FirstResponsesRequest__Output as _parley_message_v1_FirstResponsesRequest__Output } from '../../../parley/message/v1/FirstResponsesRequest';

export interface MessageReportServiceClient extends grpc.Client {
  GetFirstResponses(argument: _parley_message_v1_FirstResponsesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_FirstResponseReport__Output>): grpc.ClientUnaryCall;
  GetFirstResponses(argument: _parley_message_v1_FirstResponsesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_FirstResponseReport__Output>): grpc.ClientUnaryCall;
  GetFirstResponses(argument: _parley_message_v1_FirstResponsesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_FirstResponseReport__Output>): grpc.ClientUnaryCall;
  GetFirstResponses(argument: _parley_message_v1_FirstResponsesRequest, callback: grpc.requestCallback<_parley_message_v1_FirstResponseReport__Output>): grpc.ClientUnaryCall;
  getFirstResponses(argument: _parley_message_v1_FirstResponsesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_FirstResponseReport__Output>): grpc.ClientUnaryCall;
  getFirstResponses(argument: _parley_message_v1_FirstResponsesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_FirstResponseReport__Output>): grpc.ClientUnaryCall;
  getFirstResponses(argument: _parley_message_v1_FirstResponsesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_FirstResponseReport__Output>): grpc.ClientUnaryCall;
  getFirstResponses(argument: _parley_message_v1_FirstResponsesRequest, callback: grpc.requestCallback<_parley_message_v1_FirstResponseReport__Output>): grpc.ClientUnaryCall;
  
}

export interface MessageReportServiceHandlers extends grpc.UntypedServiceImplementation {
  GetFirstResponses: grpc.handleUnaryCall<_parley_message_v1_FirstResponsesRequest__Output, _parley_message_v1_FirstResponseReport>;
  
}

export interface MessageReportServiceDefinition extends grpc.ServiceDefinition {
  GetFirstResponses: MethodDefinition<_parley_message_v1_FirstResponsesRequest, _parley_message_v1_FirstResponseReport, _parley_message_v1_FirstResponsesRequest__Output, _parley_message_v1_FirstResponseReport__Output>
}
