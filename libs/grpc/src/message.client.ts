import * as grpc from '@grpc/grpc-js';
import { internalClientOptions } from './internal-auth';
import type { CallContext } from './call-metadata';
import { invoke } from './grpc-client';
import { messageProto } from './proto-loader';
import type { MessageServiceClient } from './generated/parley/message/v1/MessageService';
import type { SendMessageRequest } from './generated/parley/message/v1/SendMessageRequest';
import type { SendMessageResponse__Output } from './generated/parley/message/v1/SendMessageResponse';
import type { ListMessagesRequest } from './generated/parley/message/v1/ListMessagesRequest';
import type { ListMessagesResponse__Output } from './generated/parley/message/v1/ListMessagesResponse';
import type { MarkAsReadRequest } from './generated/parley/message/v1/MarkAsReadRequest';
import type { MarkAsReadResponse__Output } from './generated/parley/message/v1/MarkAsReadResponse';
import type { GetSessionSummariesResponse__Output } from './generated/parley/message/v1/GetSessionSummariesResponse';
import type { AnswerCheck } from './generated/parley/message/v1/AnswerCheck';
import type { ListAnsweredSessionsResponse__Output } from './generated/parley/message/v1/ListAnsweredSessionsResponse';

/** The message service as its callers see it: one promise-returning method per RPC. */
export class MessageClient {
  private readonly client: MessageServiceClient;

  constructor(address: string, internalToken: string) {
    const Client = messageProto().MessageService;
    this.client = new Client(address, grpc.credentials.createInsecure(), internalClientOptions(internalToken));
  }

  sendMessage(request: SendMessageRequest, context: CallContext): Promise<SendMessageResponse__Output> {
    return invoke('message', (m, o, cb) => this.client.SendMessage(request, m, o, cb), context);
  }

  listMessages(request: ListMessagesRequest, context: CallContext): Promise<ListMessagesResponse__Output> {
    return invoke('message', (m, o, cb) => this.client.ListMessages(request, m, o, cb), context);
  }

  getSessionSummaries(sessionIds: string[], context: CallContext): Promise<GetSessionSummariesResponse__Output> {
    return invoke('message', (m, o, cb) => this.client.GetSessionSummaries({ session_ids: sessionIds }, m, o, cb), context);
  }

  markAsRead(request: MarkAsReadRequest, context: CallContext): Promise<MarkAsReadResponse__Output> {
    return invoke('message', (m, o, cb) => this.client.MarkAsRead(request, m, o, cb), context);
  }

  async listAnsweredSessions(checks: AnswerCheck[], context: CallContext): Promise<string[]> {
    const response = await invoke<ListAnsweredSessionsResponse__Output>('message', (m, o, cb) => this.client.ListAnsweredSessions({ checks }, m, o, cb), context);
    return response.session_ids;
  }

  close(): void {
    this.client.close();
  }
}
