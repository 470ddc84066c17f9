import type { CallContext } from './call-metadata';
import { invoke } from './grpc-client';
import { sessionProto, SERVICE_NAMES } from './proto-loader';
import { serviceClient, type LocalServices } from './local-services';
import type { SessionReportServiceClient } from './generated/parley/session/v1/SessionReportService';
import type { ReportRequest } from './generated/parley/session/v1/ReportRequest';
import type { SessionReport__Output } from './generated/parley/session/v1/SessionReport';
import type { Workload__Output } from './generated/parley/session/v1/Workload';

/** The session service's figures for supervisors. */
export class SessionReportClient {
  private readonly client: SessionReportServiceClient;

  /** Over gRPC to `address`, or, given the process's `local` services, in process (all-in-one). */
  constructor(address: string, internalToken: string, local?: LocalServices) {
    this.client = serviceClient(sessionProto().SessionReportService, SERVICE_NAMES.sessionReports, address, internalToken, local);
  }

  report(request: ReportRequest, context: CallContext): Promise<SessionReport__Output> {
    return invoke('session', (m, o, cb) => this.client.GetSessionReport(request, m, o, cb), context);
  }

  workload(context: CallContext): Promise<Workload__Output> {
    return invoke('session', (m, o, cb) => this.client.GetWorkload({}, m, o, cb), context);
  }

  close(): void {
    this.client.close();
  }
}
