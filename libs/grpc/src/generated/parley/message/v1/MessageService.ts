// Original file: parley/message/v1/message.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetSessionSummariesRequest as _parley_message_v1_GetSessionSummariesRequest, GetSessionSummariesRequest__Output as _parley_message_v1_GetSessionSummariesRequest__Output } from '../../../parley/message/v1/GetSessionSummariesRequest';
import type { GetSessionSummariesResponse as _parley_message_v1_GetSessionSummariesResponse, GetSessionSummariesResponse__Output as _parley_message_v1_GetSessionSummariesResponse__Output } from '../../../parley/message/v1/GetSessionSummariesResponse';
import type { ListAnsweredSessionsRequest as _parley_message_v1_ListAnsweredSessionsRequest, ListAnsweredSessionsRequest__Output as _parley_message_v1_ListAnsweredSessionsRequest__Output } from '../../../parley/message/v1/ListAnsweredSessionsRequest';
import type { ListAnsweredSessionsResponse as _parley_message_v1_ListAnsweredSessionsResponse, ListAnsweredSessionsResponse__Output as _parley_message_v1_ListAnsweredSessionsResponse__Output } from '../../../parley/message/v1/ListAnsweredSessionsResponse';
import type { ListMessagesManyRequest as _parley_message_v1_ListMessagesManyRequest, ListMessagesManyRequest__Output as _parley_message_v1_ListMessagesManyRequest__Output } from '../../../parley/message/v1/ListMessagesManyRequest';
import type { ListMessagesManyResponse as _parley_message_v1_ListMessagesManyResponse, ListMessagesManyResponse__Output as _parley_message_v1_ListMessagesManyResponse__Output } from '../../../parley/message/v1/ListMessagesManyResponse';
import type { ListMessagesRequest as _parley_message_v1_ListMessagesRequest, ListMessagesRequest__Output as _parley_message_v1_ListMessagesRequest__Output } from '../../../parley/message/v1/ListMessagesRequest';
import type { ListMessagesResponse as _parley_message_v1_ListMessagesResponse, ListMessagesResponse__Output as _parley_message_v1_ListMessagesResponse__Output } from '../../../parley/message/v1/ListMessagesResponse';
import type { MarkAsReadRequest as _parley_message_v1_MarkAsReadRequest, MarkAsReadRequest__Output as _parley_message_v1_MarkAsReadRequest__Output } from '../../../parley/message/v1/MarkAsReadRequest';
import type { MarkAsReadResponse as _parley_message_v1_MarkAsReadResponse, MarkAsReadResponse__Output as _parley_message_v1_MarkAsReadResponse__Output } from '../../../parley/message/v1/MarkAsReadResponse';
import type { MarkManyAsReadRequest as _parley_message_v1_MarkManyAsReadRequest, MarkManyAsReadRequest__Output as _parley_message_v1_MarkManyAsReadRequest__Output } from '../../../parley/message/v1/MarkManyAsReadRequest';
import type { MarkManyAsReadResponse as _parley_message_v1_MarkManyAsReadResponse, MarkManyAsReadResponse__Output as _parley_message_v1_MarkManyAsReadResponse__Output } from '../../../parley/message/v1/MarkManyAsReadResponse';
import type { SendMessageRequest as _parley_message_v1_SendMessageRequest, SendMessageRequest__Output as _parley_message_v1_SendMessageRequest__Output } from '../../../parley/message/v1/SendMessageRequest';
import type { SendMessageResponse as _parley_message_v1_SendMessageResponse, SendMessageResponse__Output as _parley_message_v1_SendMessageResponse__Output } from '../../../parley/message/v1/SendMessageResponse';
import type { SendMessagesRequest as _parley_message_v1_SendMessagesRequest, SendMessagesRequest__Output as _parley_message_v1_SendMessagesRequest__Output } from '../../../parley/message/v1/SendMessagesRequest';
import type { SendMessagesResponse as _parley_message_v1_SendMessagesResponse, SendMessagesResponse__Output as _parley_message_v1_SendMessagesResponse__Output } from '../../../parley/message/v1/SendMessagesResponse';

export interface MessageServiceClient extends grpc.Client {
  GetSessionSummaries(argument: _parley_message_v1_GetSessionSummariesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_GetSessionSummariesResponse__Output>): grpc.ClientUnaryCall;
  GetSessionSummaries(argument: _parley_message_v1_GetSessionSummariesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_GetSessionSummariesResponse__Output>): grpc.ClientUnaryCall;
  GetSessionSummaries(argument: _parley_message_v1_GetSessionSummariesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_GetSessionSummariesResponse__Output>): grpc.ClientUnaryCall;
  GetSessionSummaries(argument: _parley_message_v1_GetSessionSummariesRequest, callback: grpc.requestCallback<_parley_message_v1_GetSessionSummariesResponse__Output>): grpc.ClientUnaryCall;
  getSessionSummaries(argument: _parley_message_v1_GetSessionSummariesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_GetSessionSummariesResponse__Output>): grpc.ClientUnaryCall;
  getSessionSummaries(argument: _parley_message_v1_GetSessionSummariesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_GetSessionSummariesResponse__Output>): grpc.ClientUnaryCall;
  getSessionSummaries(argument: _parley_message_v1_GetSessionSummariesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_GetSessionSummariesResponse__Output>): grpc.ClientUnaryCall;
  getSessionSummaries(argument: _parley_message_v1_GetSessionSummariesRequest, callback: grpc.requestCallback<_parley_message_v1_GetSessionSummariesResponse__Output>): grpc.ClientUnaryCall;
  
  ListAnsweredSessions(argument: _parley_message_v1_ListAnsweredSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListAnsweredSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListAnsweredSessions(argument: _parley_message_v1_ListAnsweredSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_ListAnsweredSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListAnsweredSessions(argument: _parley_message_v1_ListAnsweredSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListAnsweredSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListAnsweredSessions(argument: _parley_message_v1_ListAnsweredSessionsRequest, callback: grpc.requestCallback<_parley_message_v1_ListAnsweredSessionsResponse__Output>): grpc.ClientUnaryCall;
  listAnsweredSessions(argument: _parley_message_v1_ListAnsweredSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListAnsweredSessionsResponse__Output>): grpc.ClientUnaryCall;
  listAnsweredSessions(argument: _parley_message_v1_ListAnsweredSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_ListAnsweredSessionsResponse__Output>): grpc.ClientUnaryCall;
  listAnsweredSessions(argument: _parley_message_v1_ListAnsweredSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListAnsweredSessionsResponse__Output>): grpc.ClientUnaryCall;
  listAnsweredSessions(argument: _parley_message_v1_ListAnsweredSessionsRequest, callback: grpc.requestCallback<_parley_message_v1_ListAnsweredSessionsResponse__Output>): grpc.ClientUnaryCall;
  
  ListMessages(argument: _parley_message_v1_ListMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListMessages(argument: _parley_message_v1_ListMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListMessages(argument: _parley_message_v1_ListMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListMessages(argument: _parley_message_v1_ListMessagesRequest, callback: grpc.requestCallback<_parley_message_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _parley_message_v1_ListMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _parley_message_v1_ListMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _parley_message_v1_ListMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  listMessages(argument: _parley_message_v1_ListMessagesRequest, callback: grpc.requestCallback<_parley_message_v1_ListMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  ListMessagesMany(argument: _parley_message_v1_ListMessagesManyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListMessagesManyResponse__Output>): grpc.ClientUnaryCall;
  ListMessagesMany(argument: _parley_message_v1_ListMessagesManyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_ListMessagesManyResponse__Output>): grpc.ClientUnaryCall;
  ListMessagesMany(argument: _parley_message_v1_ListMessagesManyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListMessagesManyResponse__Output>): grpc.ClientUnaryCall;
  ListMessagesMany(argument: _parley_message_v1_ListMessagesManyRequest, callback: grpc.requestCallback<_parley_message_v1_ListMessagesManyResponse__Output>): grpc.ClientUnaryCall;
  listMessagesMany(argument: _parley_message_v1_ListMessagesManyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListMessagesManyResponse__Output>): grpc.ClientUnaryCall;
  listMessagesMany(argument: _parley_message_v1_ListMessagesManyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_ListMessagesManyResponse__Output>): grpc.ClientUnaryCall;
  listMessagesMany(argument: _parley_message_v1_ListMessagesManyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_ListMessagesManyResponse__Output>): grpc.ClientUnaryCall;
  listMessagesMany(argument: _parley_message_v1_ListMessagesManyRequest, callback: grpc.requestCallback<_parley_message_v1_ListMessagesManyResponse__Output>): grpc.ClientUnaryCall;
  
  MarkAsRead(argument: _parley_message_v1_MarkAsReadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_MarkAsReadResponse__Output>): grpc.ClientUnaryCall;
  MarkAsRead(argument: _parley_message_v1_MarkAsReadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_MarkAsReadResponse__Output>): grpc.ClientUnaryCall;
  MarkAsRead(argument: _parley_message_v1_MarkAsReadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_MarkAsReadResponse__Output>): grpc.ClientUnaryCall;
  MarkAsRead(argument: _parley_message_v1_MarkAsReadRequest, callback: grpc.requestCallback<_parley_message_v1_MarkAsReadResponse__Output>): grpc.ClientUnaryCall;
  markAsRead(argument: _parley_message_v1_MarkAsReadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_MarkAsReadResponse__Output>): grpc.ClientUnaryCall;
  markAsRead(argument: _parley_message_v1_MarkAsReadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_MarkAsReadResponse__Output>): grpc.ClientUnaryCall;
  markAsRead(argument: _parley_message_v1_MarkAsReadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_MarkAsReadResponse__Output>): grpc.ClientUnaryCall;
  markAsRead(argument: _parley_message_v1_MarkAsReadRequest, callback: grpc.requestCallback<_parley_message_v1_MarkAsReadResponse__Output>): grpc.ClientUnaryCall;
  
  MarkManyAsRead(argument: _parley_message_v1_MarkManyAsReadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_MarkManyAsReadResponse__Output>): grpc.ClientUnaryCall;
  MarkManyAsRead(argument: _parley_message_v1_MarkManyAsReadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_MarkManyAsReadResponse__Output>): grpc.ClientUnaryCall;
  MarkManyAsRead(argument: _parley_message_v1_MarkManyAsReadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_MarkManyAsReadResponse__Output>): grpc.ClientUnaryCall;
  MarkManyAsRead(argument: _parley_message_v1_MarkManyAsReadRequest, callback: grpc.requestCallback<_parley_message_v1_MarkManyAsReadResponse__Output>): grpc.ClientUnaryCall;
  markManyAsRead(argument: _parley_message_v1_MarkManyAsReadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_MarkManyAsReadResponse__Output>): grpc.ClientUnaryCall;
  markManyAsRead(argument: _parley_message_v1_MarkManyAsReadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_MarkManyAsReadResponse__Output>): grpc.ClientUnaryCall;
  markManyAsRead(argument: _parley_message_v1_MarkManyAsReadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_MarkManyAsReadResponse__Output>): grpc.ClientUnaryCall;
  markManyAsRead(argument: _parley_message_v1_MarkManyAsReadRequest, callback: grpc.requestCallback<_parley_message_v1_MarkManyAsReadResponse__Output>): grpc.ClientUnaryCall;
  
  SendMessage(argument: _parley_message_v1_SendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _parley_message_v1_SendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _parley_message_v1_SendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _parley_message_v1_SendMessageRequest, callback: grpc.requestCallback<_parley_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _parley_message_v1_SendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _parley_message_v1_SendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _parley_message_v1_SendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _parley_message_v1_SendMessageRequest, callback: grpc.requestCallback<_parley_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  
  SendMessages(argument: _parley_message_v1_SendMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  SendMessages(argument: _parley_message_v1_SendMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  SendMessages(argument: _parley_message_v1_SendMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  SendMessages(argument: _parley_message_v1_SendMessagesRequest, callback: grpc.requestCallback<_parley_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  sendMessages(argument: _parley_message_v1_SendMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  sendMessages(argument: _parley_message_v1_SendMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  sendMessages(argument: _parley_message_v1_SendMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  sendMessages(argument: _parley_message_v1_SendMessagesRequest, callback: grpc.requestCallback<_parley_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface MessageServiceHandlers extends grpc.UntypedServiceImplementation {
  GetSessionSummaries: grpc.handleUnaryCall<_parley_message_v1_GetSessionSummariesRequest__Output, _parley_message_v1_GetSessionSummariesResponse>;
  
  ListAnsweredSessions: grpc.handleUnaryCall<_parley_message_v1_ListAnsweredSessionsRequest__Output, _parley_message_v1_ListAnsweredSessionsResponse>;
  
  ListMessages: grpc.handleUnaryCall<_parley_message_v1_ListMessagesRequest__Output, _parley_message_v1_ListMessagesResponse>;
  
  ListMessagesMany: grpc.handleUnaryCall<_parley_message_v1_ListMessagesManyRequest__Output, _parley_message_v1_ListMessagesManyResponse>;
  
  MarkAsRead: grpc.handleUnaryCall<_parley_message_v1_MarkAsReadRequest__Output, _parley_message_v1_MarkAsReadResponse>;
  
  MarkManyAsRead: grpc.handleUnaryCall<_parley_message_v1_MarkManyAsReadRequest__Output, _parley_message_v1_MarkManyAsReadResponse>;
  
  SendMessage: grpc.handleUnaryCall<_parley_message_v1_SendMessageRequest__Output, _parley_message_v1_SendMessageResponse>;
  
  SendMessages: grpc.handleUnaryCall<_parley_message_v1_SendMessagesRequest__Output, _parley_message_v1_SendMessagesResponse>;
  
}

export interface MessageServiceDefinition extends grpc.ServiceDefinition {
  GetSessionSummaries: MethodDefinition<_parley_message_v1_GetSessionSummariesRequest, _parley_message_v1_GetSessionSummariesResponse, _parley_message_v1_GetSessionSummariesRequest__Output, _parley_message_v1_GetSessionSummariesResponse__Output>
  ListAnsweredSessions: MethodDefinition<_parley_message_v1_ListAnsweredSessionsRequest, _parley_message_v1_ListAnsweredSessionsResponse, _parley_message_v1_ListAnsweredSessionsRequest__Output, _parley_message_v1_ListAnsweredSessionsResponse__Output>
  ListMessages: MethodDefinition<_parley_message_v1_ListMessagesRequest, _parley_message_v1_ListMessagesResponse, _parley_message_v1_ListMessagesRequest__Output, _parley_message_v1_ListMessagesResponse__Output>
  ListMessagesMany: MethodDefinition<_parley_message_v1_ListMessagesManyRequest, _parley_message_v1_ListMessagesManyResponse, _parley_message_v1_ListMessagesManyRequest__Output, _parley_message_v1_ListMessagesManyResponse__Output>
  MarkAsRead: MethodDefinition<_parley_message_v1_MarkAsReadRequest, _parley_message_v1_MarkAsReadResponse, _parley_message_v1_MarkAsReadRequest__Output, _parley_message_v1_MarkAsReadResponse__Output>
  MarkManyAsRead: MethodDefinition<_parley_message_v1_MarkManyAsReadRequest, _parley_message_v1_MarkManyAsReadResponse, _parley_message_v1_MarkManyAsReadRequest__Output, _parley_message_v1_MarkManyAsReadResponse__Output>
  SendMessage: MethodDefinition<_parley_message_v1_SendMessageRequest, _parley_message_v1_SendMessageResponse, _parley_message_v1_SendMessageRequest__Output, _parley_message_v1_SendMessageResponse__Output>
  SendMessages: MethodDefinition<_parley_message_v1_SendMessagesRequest, _parley_message_v1_SendMessagesResponse, _parley_message_v1_SendMessagesRequest__Output, _parley_message_v1_SendMessagesResponse__Output>
}
