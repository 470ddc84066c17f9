import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from './parley/batch/v1/Caller';
import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from './parley/batch/v1/ItemError';
import type { AgentFirstResponses as _parley_message_v1_AgentFirstResponses, AgentFirstResponses__Output as _parley_message_v1_AgentFirstResponses__Output } from './parley/message/v1/AgentFirstResponses';
import type { AnswerCheck as _parley_message_v1_AnswerCheck, AnswerCheck__Output as _parley_message_v1_AnswerCheck__Output } from './parley/message/v1/AnswerCheck';
import type { Attachment as _parley_message_v1_Attachment, Attachment__Output as _parley_message_v1_Attachment__Output } from './parley/message/v1/Attachment';
import type { FirstResponseFigures as _parley_message_v1_FirstResponseFigures, FirstResponseFigures__Output as _parley_message_v1_FirstResponseFigures__Output } from './parley/message/v1/FirstResponseFigures';
import type { FirstResponseReport as _parley_message_v1_FirstResponseReport, FirstResponseReport__Output as _parley_message_v1_FirstResponseReport__Output } from './parley/message/v1/FirstResponseReport';
import type { FirstResponsesRequest as _parley_message_v1_FirstResponsesRequest, FirstResponsesRequest__Output as _parley_message_v1_FirstResponsesRequest__Output } from './parley/message/v1/FirstResponsesRequest';
import type { GetSessionSummariesRequest as _parley_message_v1_GetSessionSummariesRequest, GetSessionSummariesRequest__Output as _parley_message_v1_GetSessionSummariesRequest__Output } from './parley/message/v1/GetSessionSummariesRequest';
import type { GetSessionSummariesResponse as _parley_message_v1_GetSessionSummariesResponse, GetSessionSummariesResponse__Output as _parley_message_v1_GetSessionSummariesResponse__Output } from './parley/message/v1/GetSessionSummariesResponse';
import type { ListAnsweredSessionsRequest as _parley_message_v1_ListAnsweredSessionsRequest, ListAnsweredSessionsRequest__Output as _parley_message_v1_ListAnsweredSessionsRequest__Output } from './parley/message/v1/ListAnsweredSessionsRequest';
import type { ListAnsweredSessionsResponse as _parley_message_v1_ListAnsweredSessionsResponse, ListAnsweredSessionsResponse__Output as _parley_message_v1_ListAnsweredSessionsResponse__Output } from './parley/message/v1/ListAnsweredSessionsResponse';
import type { ListMessagesItem as _parley_message_v1_ListMessagesItem, ListMessagesItem__Output as _parley_message_v1_ListMessagesItem__Output } from './parley/message/v1/ListMessagesItem';
import type { ListMessagesManyRequest as _parley_message_v1_ListMessagesManyRequest, ListMessagesManyRequest__Output as _parley_message_v1_ListMessagesManyRequest__Output } from './parley/message/v1/ListMessagesManyRequest';
import type { ListMessagesManyResponse as _parley_message_v1_ListMessagesManyResponse, ListMessagesManyResponse__Output as _parley_message_v1_ListMessagesManyResponse__Output } from './parley/message/v1/ListMessagesManyResponse';
import type { ListMessagesOutcome as _parley_message_v1_ListMessagesOutcome, ListMessagesOutcome__Output as _parley_message_v1_ListMessagesOutcome__Output } from './parley/message/v1/ListMessagesOutcome';
import type { ListMessagesRequest as _parley_message_v1_ListMessagesRequest, ListMessagesRequest__Output as _parley_message_v1_ListMessagesRequest__Output } from './parley/message/v1/ListMessagesRequest';
import type { ListMessagesResponse as _parley_message_v1_ListMessagesResponse, ListMessagesResponse__Output as _parley_message_v1_ListMessagesResponse__Output } from './parley/message/v1/ListMessagesResponse';
import type { MarkAsReadRequest as _parley_message_v1_MarkAsReadRequest, MarkAsReadRequest__Output as _parley_message_v1_MarkAsReadRequest__Output } from './parley/message/v1/MarkAsReadRequest';
import type { MarkAsReadResponse as _parley_message_v1_MarkAsReadResponse, MarkAsReadResponse__Output as _parley_message_v1_MarkAsReadResponse__Output } from './parley/message/v1/MarkAsReadResponse';
import type { MarkItem as _parley_message_v1_MarkItem, MarkItem__Output as _parley_message_v1_MarkItem__Output } from './parley/message/v1/MarkItem';
import type { MarkManyAsReadRequest as _parley_message_v1_MarkManyAsReadRequest, MarkManyAsReadRequest__Output as _parley_message_v1_MarkManyAsReadRequest__Output } from './parley/message/v1/MarkManyAsReadRequest';
import type { MarkManyAsReadResponse as _parley_message_v1_MarkManyAsReadResponse, MarkManyAsReadResponse__Output as _parley_message_v1_MarkManyAsReadResponse__Output } from './parley/message/v1/MarkManyAsReadResponse';
import type { MarkOutcome as _parley_message_v1_MarkOutcome, MarkOutcome__Output as _parley_message_v1_MarkOutcome__Output } from './parley/message/v1/MarkOutcome';
import type { Message as _parley_message_v1_Message, Message__Output as _parley_message_v1_Message__Output } from './parley/message/v1/Message';
import type { MessageReportServiceClient as _parley_message_v1_MessageReportServiceClient, MessageReportServiceDefinition as _parley_message_v1_MessageReportServiceDefinition } from './parley/message/v1/MessageReportService';
import type { MessageSearchServiceClient as _parley_message_v1_MessageSearchServiceClient, MessageSearchServiceDefinition as _parley_message_v1_MessageSearchServiceDefinition } from './parley/message/v1/MessageSearchService';
import type { MessageServiceClient as _parley_message_v1_MessageServiceClient, MessageServiceDefinition as _parley_message_v1_MessageServiceDefinition } from './parley/message/v1/MessageService';
import type { ReadReceipt as _parley_message_v1_ReadReceipt, ReadReceipt__Output as _parley_message_v1_ReadReceipt__Output } from './parley/message/v1/ReadReceipt';
import type { SearchHighlight as _parley_message_v1_SearchHighlight, SearchHighlight__Output as _parley_message_v1_SearchHighlight__Output } from './parley/message/v1/SearchHighlight';
import type { SearchMatch as _parley_message_v1_SearchMatch, SearchMatch__Output as _parley_message_v1_SearchMatch__Output } from './parley/message/v1/SearchMatch';
import type { SearchMessagesRequest as _parley_message_v1_SearchMessagesRequest, SearchMessagesRequest__Output as _parley_message_v1_SearchMessagesRequest__Output } from './parley/message/v1/SearchMessagesRequest';
import type { SearchMessagesResponse as _parley_message_v1_SearchMessagesResponse, SearchMessagesResponse__Output as _parley_message_v1_SearchMessagesResponse__Output } from './parley/message/v1/SearchMessagesResponse';
import type { SendItem as _parley_message_v1_SendItem, SendItem__Output as _parley_message_v1_SendItem__Output } from './parley/message/v1/SendItem';
import type { SendMessageRequest as _parley_message_v1_SendMessageRequest, SendMessageRequest__Output as _parley_message_v1_SendMessageRequest__Output } from './parley/message/v1/SendMessageRequest';
import type { SendMessageResponse as _parley_message_v1_SendMessageResponse, SendMessageResponse__Output as _parley_message_v1_SendMessageResponse__Output } from './parley/message/v1/SendMessageResponse';
import type { SendMessagesRequest as _parley_message_v1_SendMessagesRequest, SendMessagesRequest__Output as _parley_message_v1_SendMessagesRequest__Output } from './parley/message/v1/SendMessagesRequest';
import type { SendMessagesResponse as _parley_message_v1_SendMessagesResponse, SendMessagesResponse__Output as _parley_message_v1_SendMessagesResponse__Output } from './parley/message/v1/SendMessagesResponse';
import type { SendOutcome as _parley_message_v1_SendOutcome, SendOutcome__Output as _parley_message_v1_SendOutcome__Output } from './parley/message/v1/SendOutcome';
import type { SessionMatches as _parley_message_v1_SessionMatches, SessionMatches__Output as _parley_message_v1_SessionMatches__Output } from './parley/message/v1/SessionMatches';
import type { SessionSummary as _parley_message_v1_SessionSummary, SessionSummary__Output as _parley_message_v1_SessionSummary__Output } from './parley/message/v1/SessionSummary';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  parley: {
    batch: {
      v1: {
        Caller: MessageTypeDefinition<_parley_batch_v1_Caller, _parley_batch_v1_Caller__Output>
        ItemError: MessageTypeDefinition<_parley_batch_v1_ItemError, _parley_batch_v1_ItemError__Output>
      }
    }
    message: {
      v1: {
        AgentFirstResponses: MessageTypeDefinition<_parley_message_v1_AgentFirstResponses, _parley_message_v1_AgentFirstResponses__Output>
        AnswerCheck: MessageTypeDefinition<_parley_message_v1_AnswerCheck, _parley_message_v1_AnswerCheck__Output>
        Attachment: MessageTypeDefinition<_parley_message_v1_Attachment, _parley_message_v1_Attachment__Output>
        FirstResponseFigures: MessageTypeDefinition<_parley_message_v1_FirstResponseFigures, _parley_message_v1_FirstResponseFigures__Output>
        FirstResponseReport: MessageTypeDefinition<_parley_message_v1_FirstResponseReport, _parley_message_v1_FirstResponseReport__Output>
        FirstResponsesRequest: MessageTypeDefinition<_parley_message_v1_FirstResponsesRequest, _parley_message_v1_FirstResponsesRequest__Output>
        GetSessionSummariesRequest: MessageTypeDefinition<_parley_message_v1_GetSessionSummariesRequest, _parley_message_v1_GetSessionSummariesRequest__Output>
        GetSessionSummariesResponse: MessageTypeDefinition<_parley_message_v1_GetSessionSummariesResponse, _parley_message_v1_GetSessionSummariesResponse__Output>
        ListAnsweredSessionsRequest: MessageTypeDefinition<_parley_message_v1_ListAnsweredSessionsRequest, _parley_message_v1_ListAnsweredSessionsRequest__Output>
        ListAnsweredSessionsResponse: MessageTypeDefinition<_parley_message_v1_ListAnsweredSessionsResponse, _parley_message_v1_ListAnsweredSessionsResponse__Output>
        ListMessagesItem: MessageTypeDefinition<_parley_message_v1_ListMessagesItem, _parley_message_v1_ListMessagesItem__Output>
        ListMessagesManyRequest: MessageTypeDefinition<_parley_message_v1_ListMessagesManyRequest, _parley_message_v1_ListMessagesManyRequest__Output>
        ListMessagesManyResponse: MessageTypeDefinition<_parley_message_v1_ListMessagesManyResponse, _parley_message_v1_ListMessagesManyResponse__Output>
        ListMessagesOutcome: MessageTypeDefinition<_parley_message_v1_ListMessagesOutcome, _parley_message_v1_ListMessagesOutcome__Output>
        ListMessagesRequest: MessageTypeDefinition<_parley_message_v1_ListMessagesRequest, _parley_message_v1_ListMessagesRequest__Output>
        ListMessagesResponse: MessageTypeDefinition<_parley_message_v1_ListMessagesResponse, _parley_message_v1_ListMessagesResponse__Output>
        MarkAsReadRequest: MessageTypeDefinition<_parley_message_v1_MarkAsReadRequest, _parley_message_v1_MarkAsReadRequest__Output>
        MarkAsReadResponse: MessageTypeDefinition<_parley_message_v1_MarkAsReadResponse, _parley_message_v1_MarkAsReadResponse__Output>
        MarkItem: MessageTypeDefinition<_parley_message_v1_MarkItem, _parley_message_v1_MarkItem__Output>
        MarkManyAsReadRequest: MessageTypeDefinition<_parley_message_v1_MarkManyAsReadRequest, _parley_message_v1_MarkManyAsReadRequest__Output>
        MarkManyAsReadResponse: MessageTypeDefinition<_parley_message_v1_MarkManyAsReadResponse, _parley_message_v1_MarkManyAsReadResponse__Output>
        MarkOutcome: MessageTypeDefinition<_parley_message_v1_MarkOutcome, _parley_message_v1_MarkOutcome__Output>
        Message: MessageTypeDefinition<_parley_message_v1_Message, _parley_message_v1_Message__Output>
        MessageReportService: SubtypeConstructor<typeof grpc.Client, _parley_message_v1_MessageReportServiceClient> & { service: _parley_message_v1_MessageReportServiceDefinition }
        MessageSearchService: SubtypeConstructor<typeof grpc.Client, _parley_message_v1_MessageSearchServiceClient> & { service: _parley_message_v1_MessageSearchServiceDefinition }
        MessageService: SubtypeConstructor<typeof grpc.Client, _parley_message_v1_MessageServiceClient> & { service: _parley_message_v1_MessageServiceDefinition }
        ReadReceipt: MessageTypeDefinition<_parley_message_v1_ReadReceipt, _parley_message_v1_ReadReceipt__Output>
        SearchHighlight: MessageTypeDefinition<_parley_message_v1_SearchHighlight, _parley_message_v1_SearchHighlight__Output>
        SearchMatch: MessageTypeDefinition<_parley_message_v1_SearchMatch, _parley_message_v1_SearchMatch__Output>
        SearchMessagesRequest: MessageTypeDefinition<_parley_message_v1_SearchMessagesRequest, _parley_message_v1_SearchMessagesRequest__Output>
        SearchMessagesResponse: MessageTypeDefinition<_parley_message_v1_SearchMessagesResponse, _parley_message_v1_SearchMessagesResponse__Output>
        SendItem: MessageTypeDefinition<_parley_message_v1_SendItem, _parley_message_v1_SendItem__Output>
        SendMessageRequest: MessageTypeDefinition<_parley_message_v1_SendMessageRequest, _parley_message_v1_SendMessageRequest__Output>
        SendMessageResponse: MessageTypeDefinition<_parley_message_v1_SendMessageResponse, _parley_message_v1_SendMessageResponse__Output>
        SendMessagesRequest: MessageTypeDefinition<_parley_message_v1_SendMessagesRequest, _parley_message_v1_SendMessagesRequest__Output>
        SendMessagesResponse: MessageTypeDefinition<_parley_message_v1_SendMessagesResponse, _parley_message_v1_SendMessagesResponse__Output>
        SendOutcome: MessageTypeDefinition<_parley_message_v1_SendOutcome, _parley_message_v1_SendOutcome__Output>
        SessionMatches: MessageTypeDefinition<_parley_message_v1_SessionMatches, _parley_message_v1_SessionMatches__Output>
        SessionSummary: MessageTypeDefinition<_parley_message_v1_SessionSummary, _parley_message_v1_SessionSummary__Output>
      }
    }
  }
}

