// Original file: parley/session/v1/session.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetWorkloadRequest as _parley_session_v1_GetWorkloadRequest, GetWorkloadRequest__Output as _parley_session_v1_GetWorkloadRequest__Output } from '../../../parley/session/v1/GetWorkloadRequest';
import type { ReportRequest as _parley_session_v1_ReportRequest, ReportRequest__Output as _parley_session_v1_ReportRequest__Output } from '../../../parley/session/v1/ReportRequest';
import type { SessionReport as _parley_session_v1_SessionReport, SessionReport__Output as _parley_session_v1_SessionReport__Output } from '../../../parley/session/v1/SessionReport';
import type { Workload as _parley_session_v1_Workload, Workload__Output as _parley_session_v1_Workload__Output } from '../../../parley/session/v1/Workload';

export interface SessionReportServiceClient extends grpc.Client {
  GetSessionReport(argument: _parley_session_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_SessionReport__Output>): grpc.ClientUnaryCall;
  GetSessionReport(argument: _parley_session_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_SessionReport__Output>): grpc.ClientUnaryCall;
  GetSessionReport(argument: _parley_session_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_SessionReport__Output>): grpc.ClientUnaryCall;
  GetSessionReport(argument: _parley_session_v1_ReportRequest, callback: grpc.requestCallback<_parley_session_v1_SessionReport__Output>): grpc.ClientUnaryCall;
  getSessionReport(argument: _parley_session_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_SessionReport__Output>): grpc.ClientUnaryCall;
  getSessionReport(argument: _parley_session_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_SessionReport__Output>): grpc.ClientUnaryCall;
  getSessionReport(argument: _parley_session_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_SessionReport__Output>): grpc.ClientUnaryCall;
  getSessionReport(argument: _parley_session_v1_ReportRequest, callback: grpc.requestCallback<_parley_session_v1_SessionReport__Output>): grpc.ClientUnaryCall;
  
  GetWorkload(argument: _parley_session_v1_GetWorkloadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Workload__Output>): grpc.ClientUnaryCall;
  GetWorkload(argument: _parley_session_v1_GetWorkloadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Workload__Output>): grpc.ClientUnaryCall;
  GetWorkload(argument: _parley_session_v1_GetWorkloadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Workload__Output>): grpc.ClientUnaryCall;
  GetWorkload(argument: _parley_session_v1_GetWorkloadRequest, callback: grpc.requestCallback<_parley_session_v1_Workload__Output>): grpc.ClientUnaryCall;
  getWorkload(argument: _parley_session_v1_GetWorkloadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Workload__Output>): grpc.ClientUnaryCall;
  getWorkload(argument: _parley_session_v1_GetWorkloadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_session_v1_Workload__Output>): grpc.ClientUnaryCall;
  getWorkload(argument: _parley_session_v1_GetWorkloadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_session_v1_Workload__Output>): grpc.ClientUnaryCall;
  getWorkload(argument: _parley_session_v1_GetWorkloadRequest, callback: grpc.requestCallback<_parley_session_v1_Workload__Output>): grpc.ClientUnaryCall;
  
}

export interface SessionReportServiceHandlers extends grpc.UntypedServiceImplementation {
  GetSessionReport: grpc.handleUnaryCall<_parley_session_v1_ReportRequest__Output, _parley_session_v1_SessionReport>;
  
  GetWorkload: grpc.handleUnaryCall<_parley_session_v1_GetWorkloadRequest__Output, _parley_session_v1_Workload>;
  
}

export interface SessionReportServiceDefinition extends grpc.ServiceDefinition {
  GetSessionReport: MethodDefinition<_parley_session_v1_ReportRequest, _parley_session_v1_SessionReport, _parley_session_v1_ReportRequest__Output, _parley_session_v1_SessionReport__Output>
  GetWorkload: MethodDefinition<_parley_session_v1_GetWorkloadRequest, _parley_session_v1_Workload, _parley_session_v1_GetWorkloadRequest__Output, _parley_session_v1_Workload__Output>
}
