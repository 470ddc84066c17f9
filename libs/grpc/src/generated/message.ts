import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AnswerCheck as _parley_message_v1_AnswerCheck, AnswerCheck__Output as _parley_message_v1_AnswerCheck__Output } from './parley/message/v1/AnswerCheck';
import type { Attachment as _parley_message_v1_Attachment, Attachment__Output as _parley_message_v1_Attachment__Output } from './parley/message/v1/Attachment';
import type { GetSessionSummariesRequest as _parley_message_v1_GetSessionSummariesRequest, GetSessionSummariesRequest__Output as _parley_message_v1_GetSessionSummariesRequest__Output } from './parley/message/v1/GetSessionSummariesRequest';
import type { GetSessionSummariesResponse as _parley_message_v1_GetSessionSummariesResponse, GetSessionSummariesResponse__Output as _parley_message_v1_GetSessionSummariesResponse__Output } from './parley/message/v1/GetSessionSummariesResponse';
import type { ListAnsweredSessionsRequest as _parley_message_v1_ListAnsweredSessionsRequest, ListAnsweredSessionsRequest__Output as _parley_message_v1_ListAnsweredSessionsRequest__Output } from './parley/message/v1/ListAnsweredSessionsRequest';
import type { ListAnsweredSessionsResponse as _parley_message_v1_ListAnsweredSessionsResponse, ListAnsweredSessionsResponse__Output as _parley_message_v1_ListAnsweredSessionsResponse__Output } from './parley/message/v1/ListAnsweredSessionsResponse';
import type { ListMessagesRequest as _parley_message_v1_ListMessagesRequest, ListMessagesRequest__Output as _parley_message_v1_ListMessagesRequest__Output } from './parley/message/v1/ListMessagesRequest';
import type { ListMessagesResponse as _parley_message_v1_ListMessagesResponse, ListMessagesResponse__Output as _parley_message_v1_ListMessagesResponse__Output } from './parley/message/v1/ListMessagesResponse';
import type { MarkAsReadRequest as _parley_message_v1_MarkAsReadRequest, MarkAsReadRequest__Output as _parley_message_v1_MarkAsReadRequest__Output } from './parley/message/v1/MarkAsReadRequest';
import type { MarkAsReadResponse as _parley_message_v1_MarkAsReadResponse, MarkAsReadResponse__Output as _parley_message_v1_MarkAsReadResponse__Output } from './parley/message/v1/MarkAsReadResponse';
import type { Message as _parley_message_v1_Message, Message__Output as _parley_message_v1_Message__Output } from './parley/message/v1/Message';
import type { MessageServiceClient as _parley_message_v1_MessageServiceClient, MessageServiceDefinition as _parley_message_v1_MessageServiceDefinition } from './parley/message/v1/MessageService';
import type { ReadReceipt as _parley_message_v1_ReadReceipt, ReadReceipt__Output as _parley_message_v1_ReadReceipt__Output } from './parley/message/v1/ReadReceipt';
import type { SendMessageRequest as _parley_message_v1_SendMessageRequest, SendMessageRequest__Output as _parley_message_v1_SendMessageRequest__Output } from './parley/message/v1/SendMessageRequest';
import type { SendMessageResponse as _parley_message_v1_SendMessageResponse, SendMessageResponse__Output as _parley_message_v1_SendMessageResponse__Output } from './parley/message/v1/SendMessageResponse';
import type { SessionSummary as _parley_message_v1_SessionSummary, SessionSummary__Output as _parley_message_v1_SessionSummary__Output } from './parley/message/v1/SessionSummary';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  parley: {
    message: {
      v1: {
        AnswerCheck: MessageTypeDefinition<_parley_message_v1_AnswerCheck, _parley_message_v1_AnswerCheck__Output>
        Attachment: MessageTypeDefinition<_parley_message_v1_Attachment, _parley_message_v1_Attachment__Output>
        GetSessionSummariesRequest: MessageTypeDefinition<_parley_message_v1_GetSessionSummariesRequest, _parley_message_v1_GetSessionSummariesRequest__Output>
        GetSessionSummariesResponse: MessageTypeDefinition<_parley_message_v1_GetSessionSummariesResponse, _parley_message_v1_GetSessionSummariesResponse__Output>
        ListAnsweredSessionsRequest: MessageTypeDefinition<_parley_message_v1_ListAnsweredSessionsRequest, _parley_message_v1_ListAnsweredSessionsRequest__Output>
        ListAnsweredSessionsResponse: MessageTypeDefinition<_parley_message_v1_ListAnsweredSessionsResponse, _parley_message_v1_ListAnsweredSessionsResponse__Output>
        ListMessagesRequest: MessageTypeDefinition<_parley_message_v1_ListMessagesRequest, _parley_message_v1_ListMessagesRequest__Output>
        ListMessagesResponse: MessageTypeDefinition<_parley_message_v1_ListMessagesResponse, _parley_message_v1_ListMessagesResponse__Output>
        MarkAsReadRequest: MessageTypeDefinition<_parley_message_v1_MarkAsReadRequest, _parley_message_v1_MarkAsReadRequest__Output>
        MarkAsReadResponse: MessageTypeDefinition<_parley_message_v1_MarkAsReadResponse, _parley_message_v1_MarkAsReadResponse__Output>
        Message: MessageTypeDefinition<_parley_message_v1_Message, _parley_message_v1_Message__Output>
        MessageService: SubtypeConstructor<typeof grpc.Client, _parley_message_v1_MessageServiceClient> & { service: _parley_message_v1_MessageServiceDefinition }
        ReadReceipt: MessageTypeDefinition<_parley_message_v1_ReadReceipt, _parley_message_v1_ReadReceipt__Output>
        SendMessageRequest: MessageTypeDefinition<_parley_message_v1_SendMessageRequest, _parley_message_v1_SendMessageRequest__Output>
        SendMessageResponse: MessageTypeDefinition<_parley_message_v1_SendMessageResponse, _parley_message_v1_SendMessageResponse__Output>
        SessionSummary: MessageTypeDefinition<_parley_message_v1_SessionSummary, _parley_message_v1_SessionSummary__Output>
      }
    }
  }
}

