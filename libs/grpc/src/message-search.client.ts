import type { CallContext } from './call-metadata';
import { invoke } from './grpc-client';
import { messageProto, SERVICE_NAMES } from './proto-loader';
import { serviceClient, type LocalServices } from './local-services';
import type { MessageSearchServiceClient } from './generated/parley/message/v1/MessageSearchService';
import type { MessageReportServiceClient } from './generated/parley/message/v1/MessageReportService';
import type { SearchMessagesRequest } from './generated/parley/message/v1/SearchMessagesRequest';
import type { SearchMessagesResponse__Output } from './generated/parley/message/v1/SearchMessagesResponse';
import type { FirstResponsesRequest } from './generated/parley/message/v1/FirstResponsesRequest';
import type { FirstResponseReport__Output } from './generated/parley/message/v1/FirstResponseReport';

/** The message service's search and first-response figures, as their callers see them. */
export class MessageSearchClient {
  private readonly search: MessageSearchServiceClient;
  private readonly reports: MessageReportServiceClient;

  /** Over gRPC to `address`, or, given the process's `local` services, in process (all-in-one). */
  constructor(address: string, internalToken: string, local?: LocalServices) {
    const proto = messageProto();
    this.search = serviceClient(proto.MessageSearchService, SERVICE_NAMES.messageSearch, address, internalToken, local);
    this.reports = serviceClient(proto.MessageReportService, SERVICE_NAMES.messageReports, address, internalToken, local);
  }

  searchMessages(request: SearchMessagesRequest, context: CallContext): Promise<SearchMessagesResponse__Output> {
    return invoke('message', (m, o, cb) => this.search.SearchMessages(request, m, o, cb), context);
  }

  firstResponses(request: FirstResponsesRequest, context: CallContext): Promise<FirstResponseReport__Output> {
    return invoke('message', (m, o, cb) => this.reports.GetFirstResponses(request, m, o, cb), context);
  }

  close(): void {
    this.search.close();
    this.reports.close();
  }
}
