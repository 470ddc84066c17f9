// Original file: parley/message/v1/message.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { SearchMessagesRequest as _parley_message_v1_SearchMessagesRequest, SearchMessagesRequest__Output as _parley_message_v1_SearchMessagesRequest__Output } from '../../../parley/message/v1/SearchMessagesRequest';
import type { SearchMessagesResponse as _parley_message_v1_SearchMessagesResponse, SearchMessagesResponse__Output as _parley_message_v1_SearchMessagesResponse__Output } from '../../../parley/message/v1/SearchMessagesResponse';

export interface MessageSearchServiceClient extends grpc.Client {
  SearchMessages(argument: _parley_message_v1_SearchMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  SearchMessages(argument: _parley_message_v1_SearchMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  SearchMessages(argument: _parley_message_v1_SearchMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  SearchMessages(argument: _parley_message_v1_SearchMessagesRequest, callback: grpc.requestCallback<_parley_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _parley_message_v1_SearchMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _parley_message_v1_SearchMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _parley_message_v1_SearchMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _parley_message_v1_SearchMessagesRequest, callback: grpc.requestCallback<_parley_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface MessageSearchServiceHandlers extends grpc.UntypedServiceImplementation {
  SearchMessages: grpc.handleUnaryCall<_parley_message_v1_SearchMessagesRequest__Output, _parley_message_v1_SearchMessagesResponse>;
  
}

export interface MessageSearchServiceDefinition extends grpc.ServiceDefinition {
  SearchMessages: MethodDefinition<_parley_message_v1_SearchMessagesRequest, _parley_message_v1_SearchMessagesResponse, _parley_message_v1_SearchMessagesRequest__Output, _parley_message_v1_SearchMessagesResponse__Output>
}
