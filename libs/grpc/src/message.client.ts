import type { CallContext } from './call-metadata';
import { invoke } from './grpc-client';
import { messageProto, SERVICE_NAMES } from './proto-loader';
import { serviceClient, type LocalServices } from './local-services';
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
import type { SendItem } from './generated/parley/message/v1/SendItem';
import type { SendMessagesResponse__Output } from './generated/parley/message/v1/SendMessagesResponse';
import type { MarkItem } from './generated/parley/message/v1/MarkItem';
import type { MarkManyAsReadResponse__Output } from './generated/parley/message/v1/MarkManyAsReadResponse';
import type { ListMessagesItem } from './generated/parley/message/v1/ListMessagesItem';
import type { ListMessagesManyResponse__Output } from './generated/parley/message/v1/ListMessagesManyResponse';

/** The message service as its callers see it: one promise-returning method per RPC. */
export class MessageClient {
  private readonly client: MessageServiceClient;

  /** Over gRPC to `address`, or, given the process's `local` services, in process (all-in-one). */
  constructor(address: string, internalToken: string, local?: LocalServices) {
    this.client = serviceClient(messageProto().MessageService, SERVICE_NAMES.message, address, internalToken, local);
  }

  sendMessage(request: SendMessageRequest, context: CallContext): Promise<SendMessageResponse__Output> {
    return invoke('message', (m, o, cb) => this.client.SendMessage(request, m, o, cb), context, { retrySafe: Boolean(request.temp_id) });
  }

  /**
   * A batch of sends, each for its own caller; `context` is the batching service's own. Tried again
   * on another instance after UNAVAILABLE only when every item has a temp_id (a resend is then
   * answered with the stored message, nothing stored twice).
   */
  sendMessages(items: SendItem[], context: CallContext): Promise<SendMessagesResponse__Output> {
    const retrySafe = items.every((item) => Boolean(item.request?.temp_id));
    return invoke('message', (m, o, cb) => this.client.SendMessages({ items }, m, o, cb), context, { retrySafe });
  }

  /** A batch of read markings, each for its own caller. */
  markManyAsRead(items: MarkItem[], context: CallContext): Promise<MarkManyAsReadResponse__Output> {
    return invoke('message', (m, o, cb) => this.client.MarkManyAsRead({ items }, m, o, cb), context);
  }

  /** A batch of pages, each for its own caller; `context` is the batching service's own. */
  listMessagesMany(items: ListMessagesItem[], context: CallContext): Promise<ListMessagesManyResponse__Output> {
    return invoke('message', (m, o, cb) => this.client.ListMessagesMany({ items }, m, o, cb), context);
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
