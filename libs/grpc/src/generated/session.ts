import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from './parley/batch/v1/Caller';
import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from './parley/batch/v1/ItemError';
import type { AgentWorkload as _parley_session_v1_AgentWorkload, AgentWorkload__Output as _parley_session_v1_AgentWorkload__Output } from './parley/session/v1/AgentWorkload';
import type { AssignSessionRequest as _parley_session_v1_AssignSessionRequest, AssignSessionRequest__Output as _parley_session_v1_AssignSessionRequest__Output } from './parley/session/v1/AssignSessionRequest';
import type { CannedResponse as _parley_session_v1_CannedResponse, CannedResponse__Output as _parley_session_v1_CannedResponse__Output } from './parley/session/v1/CannedResponse';
import type { CannedResponseRef as _parley_session_v1_CannedResponseRef, CannedResponseRef__Output as _parley_session_v1_CannedResponseRef__Output } from './parley/session/v1/CannedResponseRef';
import type { CannedResponseServiceClient as _parley_session_v1_CannedResponseServiceClient, CannedResponseServiceDefinition as _parley_session_v1_CannedResponseServiceDefinition } from './parley/session/v1/CannedResponseService';
import type { CreateCannedResponseRequest as _parley_session_v1_CreateCannedResponseRequest, CreateCannedResponseRequest__Output as _parley_session_v1_CreateCannedResponseRequest__Output } from './parley/session/v1/CreateCannedResponseRequest';
import type { CreateSessionRequest as _parley_session_v1_CreateSessionRequest, CreateSessionRequest__Output as _parley_session_v1_CreateSessionRequest__Output } from './parley/session/v1/CreateSessionRequest';
import type { DeleteCannedResponseResponse as _parley_session_v1_DeleteCannedResponseResponse, DeleteCannedResponseResponse__Output as _parley_session_v1_DeleteCannedResponseResponse__Output } from './parley/session/v1/DeleteCannedResponseResponse';
import type { DurationFigures as _parley_session_v1_DurationFigures, DurationFigures__Output as _parley_session_v1_DurationFigures__Output } from './parley/session/v1/DurationFigures';
import type { FindSessionsRequest as _parley_session_v1_FindSessionsRequest, FindSessionsRequest__Output as _parley_session_v1_FindSessionsRequest__Output } from './parley/session/v1/FindSessionsRequest';
import type { GetRatingResponse as _parley_session_v1_GetRatingResponse, GetRatingResponse__Output as _parley_session_v1_GetRatingResponse__Output } from './parley/session/v1/GetRatingResponse';
import type { GetSessionItem as _parley_session_v1_GetSessionItem, GetSessionItem__Output as _parley_session_v1_GetSessionItem__Output } from './parley/session/v1/GetSessionItem';
import type { GetSessionOutcome as _parley_session_v1_GetSessionOutcome, GetSessionOutcome__Output as _parley_session_v1_GetSessionOutcome__Output } from './parley/session/v1/GetSessionOutcome';
import type { GetSessionRequest as _parley_session_v1_GetSessionRequest, GetSessionRequest__Output as _parley_session_v1_GetSessionRequest__Output } from './parley/session/v1/GetSessionRequest';
import type { GetSessionsRequest as _parley_session_v1_GetSessionsRequest, GetSessionsRequest__Output as _parley_session_v1_GetSessionsRequest__Output } from './parley/session/v1/GetSessionsRequest';
import type { GetSessionsResponse as _parley_session_v1_GetSessionsResponse, GetSessionsResponse__Output as _parley_session_v1_GetSessionsResponse__Output } from './parley/session/v1/GetSessionsResponse';
import type { GetWorkloadRequest as _parley_session_v1_GetWorkloadRequest, GetWorkloadRequest__Output as _parley_session_v1_GetWorkloadRequest__Output } from './parley/session/v1/GetWorkloadRequest';
import type { ListCannedResponsesRequest as _parley_session_v1_ListCannedResponsesRequest, ListCannedResponsesRequest__Output as _parley_session_v1_ListCannedResponsesRequest__Output } from './parley/session/v1/ListCannedResponsesRequest';
import type { ListCannedResponsesResponse as _parley_session_v1_ListCannedResponsesResponse, ListCannedResponsesResponse__Output as _parley_session_v1_ListCannedResponsesResponse__Output } from './parley/session/v1/ListCannedResponsesResponse';
import type { ListSessionsRequest as _parley_session_v1_ListSessionsRequest, ListSessionsRequest__Output as _parley_session_v1_ListSessionsRequest__Output } from './parley/session/v1/ListSessionsRequest';
import type { ListSessionsResponse as _parley_session_v1_ListSessionsResponse, ListSessionsResponse__Output as _parley_session_v1_ListSessionsResponse__Output } from './parley/session/v1/ListSessionsResponse';
import type { RateSessionRequest as _parley_session_v1_RateSessionRequest, RateSessionRequest__Output as _parley_session_v1_RateSessionRequest__Output } from './parley/session/v1/RateSessionRequest';
import type { RatingFigures as _parley_session_v1_RatingFigures, RatingFigures__Output as _parley_session_v1_RatingFigures__Output } from './parley/session/v1/RatingFigures';
import type { RatingServiceClient as _parley_session_v1_RatingServiceClient, RatingServiceDefinition as _parley_session_v1_RatingServiceDefinition } from './parley/session/v1/RatingService';
import type { ReportRequest as _parley_session_v1_ReportRequest, ReportRequest__Output as _parley_session_v1_ReportRequest__Output } from './parley/session/v1/ReportRequest';
import type { Session as _parley_session_v1_Session, Session__Output as _parley_session_v1_Session__Output } from './parley/session/v1/Session';
import type { SessionAgentFigures as _parley_session_v1_SessionAgentFigures, SessionAgentFigures__Output as _parley_session_v1_SessionAgentFigures__Output } from './parley/session/v1/SessionAgentFigures';
import type { SessionRating as _parley_session_v1_SessionRating, SessionRating__Output as _parley_session_v1_SessionRating__Output } from './parley/session/v1/SessionRating';
import type { SessionRef as _parley_session_v1_SessionRef, SessionRef__Output as _parley_session_v1_SessionRef__Output } from './parley/session/v1/SessionRef';
import type { SessionReport as _parley_session_v1_SessionReport, SessionReport__Output as _parley_session_v1_SessionReport__Output } from './parley/session/v1/SessionReport';
import type { SessionReportServiceClient as _parley_session_v1_SessionReportServiceClient, SessionReportServiceDefinition as _parley_session_v1_SessionReportServiceDefinition } from './parley/session/v1/SessionReportService';
import type { SessionServiceClient as _parley_session_v1_SessionServiceClient, SessionServiceDefinition as _parley_session_v1_SessionServiceDefinition } from './parley/session/v1/SessionService';
import type { SessionTotals as _parley_session_v1_SessionTotals, SessionTotals__Output as _parley_session_v1_SessionTotals__Output } from './parley/session/v1/SessionTotals';
import type { TimelineBucket as _parley_session_v1_TimelineBucket, TimelineBucket__Output as _parley_session_v1_TimelineBucket__Output } from './parley/session/v1/TimelineBucket';
import type { TransferSessionRequest as _parley_session_v1_TransferSessionRequest, TransferSessionRequest__Output as _parley_session_v1_TransferSessionRequest__Output } from './parley/session/v1/TransferSessionRequest';
import type { UpdateCannedResponseRequest as _parley_session_v1_UpdateCannedResponseRequest, UpdateCannedResponseRequest__Output as _parley_session_v1_UpdateCannedResponseRequest__Output } from './parley/session/v1/UpdateCannedResponseRequest';
import type { UpdateStatusRequest as _parley_session_v1_UpdateStatusRequest, UpdateStatusRequest__Output as _parley_session_v1_UpdateStatusRequest__Output } from './parley/session/v1/UpdateStatusRequest';
import type { Workload as _parley_session_v1_Workload, Workload__Output as _parley_session_v1_Workload__Output } from './parley/session/v1/Workload';

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
    session: {
      v1: {
        AgentWorkload: MessageTypeDefinition<_parley_session_v1_AgentWorkload, _parley_session_v1_AgentWorkload__Output>
        AssignSessionRequest: MessageTypeDefinition<_parley_session_v1_AssignSessionRequest, _parley_session_v1_AssignSessionRequest__Output>
        CannedResponse: MessageTypeDefinition<_parley_session_v1_CannedResponse, _parley_session_v1_CannedResponse__Output>
        CannedResponseRef: MessageTypeDefinition<_parley_session_v1_CannedResponseRef, _parley_session_v1_CannedResponseRef__Output>
        CannedResponseService: SubtypeConstructor<typeof grpc.Client, _parley_session_v1_CannedResponseServiceClient> & { service: _parley_session_v1_CannedResponseServiceDefinition }
        CreateCannedResponseRequest: MessageTypeDefinition<_parley_session_v1_CreateCannedResponseRequest, _parley_session_v1_CreateCannedResponseRequest__Output>
        CreateSessionRequest: MessageTypeDefinition<_parley_session_v1_CreateSessionRequest, _parley_session_v1_CreateSessionRequest__Output>
        DeleteCannedResponseResponse: MessageTypeDefinition<_parley_session_v1_DeleteCannedResponseResponse, _parley_session_v1_DeleteCannedResponseResponse__Output>
        DurationFigures: MessageTypeDefinition<_parley_session_v1_DurationFigures, _parley_session_v1_DurationFigures__Output>
        FindSessionsRequest: MessageTypeDefinition<_parley_session_v1_FindSessionsRequest, _parley_session_v1_FindSessionsRequest__Output>
        GetRatingResponse: MessageTypeDefinition<_parley_session_v1_GetRatingResponse, _parley_session_v1_GetRatingResponse__Output>
        GetSessionItem: MessageTypeDefinition<_parley_session_v1_GetSessionItem, _parley_session_v1_GetSessionItem__Output>
        GetSessionOutcome: MessageTypeDefinition<_parley_session_v1_GetSessionOutcome, _parley_session_v1_GetSessionOutcome__Output>
        GetSessionRequest: MessageTypeDefinition<_parley_session_v1_GetSessionRequest, _parley_session_v1_GetSessionRequest__Output>
        GetSessionsRequest: MessageTypeDefinition<_parley_session_v1_GetSessionsRequest, _parley_session_v1_GetSessionsRequest__Output>
        GetSessionsResponse: MessageTypeDefinition<_parley_session_v1_GetSessionsResponse, _parley_session_v1_GetSessionsResponse__Output>
        GetWorkloadRequest: MessageTypeDefinition<_parley_session_v1_GetWorkloadRequest, _parley_session_v1_GetWorkloadRequest__Output>
        ListCannedResponsesRequest: MessageTypeDefinition<_parley_session_v1_ListCannedResponsesRequest, _parley_session_v1_ListCannedResponsesRequest__Output>
        ListCannedResponsesResponse: MessageTypeDefinition<_parley_session_v1_ListCannedResponsesResponse, _parley_session_v1_ListCannedResponsesResponse__Output>
        ListSessionsRequest: MessageTypeDefinition<_parley_session_v1_ListSessionsRequest, _parley_session_v1_ListSessionsRequest__Output>
        ListSessionsResponse: MessageTypeDefinition<_parley_session_v1_ListSessionsResponse, _parley_session_v1_ListSessionsResponse__Output>
        RateSessionRequest: MessageTypeDefinition<_parley_session_v1_RateSessionRequest, _parley_session_v1_RateSessionRequest__Output>
        RatingFigures: MessageTypeDefinition<_parley_session_v1_RatingFigures, _parley_session_v1_RatingFigures__Output>
        RatingService: SubtypeConstructor<typeof grpc.Client, _parley_session_v1_RatingServiceClient> & { service: _parley_session_v1_RatingServiceDefinition }
        ReportRequest: MessageTypeDefinition<_parley_session_v1_ReportRequest, _parley_session_v1_ReportRequest__Output>
        Session: MessageTypeDefinition<_parley_session_v1_Session, _parley_session_v1_Session__Output>
        SessionAgentFigures: MessageTypeDefinition<_parley_session_v1_SessionAgentFigures, _parley_session_v1_SessionAgentFigures__Output>
        SessionRating: MessageTypeDefinition<_parley_session_v1_SessionRating, _parley_session_v1_SessionRating__Output>
        SessionRef: MessageTypeDefinition<_parley_session_v1_SessionRef, _parley_session_v1_SessionRef__Output>
        SessionReport: MessageTypeDefinition<_parley_session_v1_SessionReport, _parley_session_v1_SessionReport__Output>
        SessionReportService: SubtypeConstructor<typeof grpc.Client, _parley_session_v1_SessionReportServiceClient> & { service: _parley_session_v1_SessionReportServiceDefinition }
        SessionService: SubtypeConstructor<typeof grpc.Client, _parley_session_v1_SessionServiceClient> & { service: _parley_session_v1_SessionServiceDefinition }
        SessionTotals: MessageTypeDefinition<_parley_session_v1_SessionTotals, _parley_session_v1_SessionTotals__Output>
        TimelineBucket: MessageTypeDefinition<_parley_session_v1_TimelineBucket, _parley_session_v1_TimelineBucket__Output>
        TransferSessionRequest: MessageTypeDefinition<_parley_session_v1_TransferSessionRequest, _parley_session_v1_TransferSessionRequest__Output>
        UpdateCannedResponseRequest: MessageTypeDefinition<_parley_session_v1_UpdateCannedResponseRequest, _parley_session_v1_UpdateCannedResponseRequest__Output>
        UpdateStatusRequest: MessageTypeDefinition<_parley_session_v1_UpdateStatusRequest, _parley_session_v1_UpdateStatusRequest__Output>
        Workload: MessageTypeDefinition<_parley_session_v1_Workload, _parley_session_v1_Workload__Output>
      }
    }
  }
}

