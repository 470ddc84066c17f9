import type { CallContext } from './call-metadata';
import { invoke } from './grpc-client';
import { sessionProto, SERVICE_NAMES } from './proto-loader';
import { serviceClient, type LocalServices } from './local-services';
import type { SessionServiceClient } from './generated/parley/session/v1/SessionService';
import type { CreateSessionRequest } from './generated/parley/session/v1/CreateSessionRequest';
import type { ListSessionsRequest } from './generated/parley/session/v1/ListSessionsRequest';
import type { Session__Output } from './generated/parley/session/v1/Session';
import type { ListSessionsResponse__Output } from './generated/parley/session/v1/ListSessionsResponse';
import type { AssignSessionRequest } from './generated/parley/session/v1/AssignSessionRequest';
import type { TransferSessionRequest } from './generated/parley/session/v1/TransferSessionRequest';
import type { UpdateStatusRequest } from './generated/parley/session/v1/UpdateStatusRequest';
import type { GetSessionItem } from './generated/parley/session/v1/GetSessionItem';
import type { GetSessionsResponse__Output } from './generated/parley/session/v1/GetSessionsResponse';

/** The session service as its callers see it: one promise-returning method per RPC. */
export class SessionClient {
  private readonly client: SessionServiceClient;

  /** Over gRPC to `address`, or, given the process's `local` services, in process (all-in-one). */
  constructor(address: string, internalToken: string, local?: LocalServices) {
    this.client = serviceClient(sessionProto().SessionService, SERVICE_NAMES.session, address, internalToken, local);
  }

  createSession(request: CreateSessionRequest, context: CallContext): Promise<Session__Output> {
    return invoke('session', (m, o, cb) => this.client.CreateSession(request, m, o, cb), context);
  }

  /** The session if the caller may see it; `withQueuePosition` also counts its place in the queue. */
  /** A batch of look-ups, each for its own caller; `context` is the batching service's own. */
  getSessions(items: GetSessionItem[], context: CallContext): Promise<GetSessionsResponse__Output> {
    return invoke('session', (m, o, cb) => this.client.GetSessions({ items }, m, o, cb), context);
  }

  getSession(sessionId: string, context: CallContext, withQueuePosition = false): Promise<Session__Output> {
    return invoke('session', (m, o, cb) => this.client.GetSession({ session_id: sessionId, include_queue_position: withQueuePosition }, m, o, cb), context);
  }

  listSessions(request: ListSessionsRequest, context: CallContext): Promise<ListSessionsResponse__Output> {
    return invoke('session', (m, o, cb) => this.client.ListSessions(request, m, o, cb), context);
  }

  acceptSession(sessionId: string, context: CallContext): Promise<Session__Output> {
    return invoke('session', (m, o, cb) => this.client.AcceptSession({ session_id: sessionId }, m, o, cb), context);
  }

  assignSession(request: AssignSessionRequest, context: CallContext): Promise<Session__Output> {
    return invoke('session', (m, o, cb) => this.client.AssignSession(request, m, o, cb), context);
  }

  transferSession(request: TransferSessionRequest, context: CallContext): Promise<Session__Output> {
    return invoke('session', (m, o, cb) => this.client.TransferSession(request, m, o, cb), context);
  }

  updateStatus(request: UpdateStatusRequest, context: CallContext): Promise<Session__Output> {
    return invoke('session', (m, o, cb) => this.client.UpdateStatus(request, m, o, cb), context);
  }

  /** Of these sessions, those the caller may see, in the order asked. */
  async findSessions(sessionIds: string[], context: CallContext): Promise<Session__Output[]> {
    return (await invoke<ListSessionsResponse__Output>('session', (m, o, cb) => this.client.FindSessions({ session_ids: sessionIds }, m, o, cb), context)).sessions;
  }

  close(): void {
    this.client.close();
  }
}
