import type { CallContext } from './call-metadata';
import { invoke } from './grpc-client';
import { sessionProto, SERVICE_NAMES } from './proto-loader';
import { serviceClient, type LocalServices } from './local-services';
import type { CannedResponseServiceClient } from './generated/parley/session/v1/CannedResponseService';
import type { CannedResponse__Output } from './generated/parley/session/v1/CannedResponse';
import type { CreateCannedResponseRequest } from './generated/parley/session/v1/CreateCannedResponseRequest';
import type { ListCannedResponsesResponse__Output } from './generated/parley/session/v1/ListCannedResponsesResponse';
import type { UpdateCannedResponseRequest } from './generated/parley/session/v1/UpdateCannedResponseRequest';

/** The session service's canned responses as their callers see them. */
export class CannedResponseClient {
  private readonly client: CannedResponseServiceClient;

  /** Over gRPC to `address`, or, given the process's `local` services, in process (all-in-one). */
  constructor(address: string, internalToken: string, local?: LocalServices) {
    this.client = serviceClient(sessionProto().CannedResponseService, SERVICE_NAMES.cannedResponses, address, internalToken, local);
  }

  async list(context: CallContext): Promise<CannedResponse__Output[]> {
    return (await invoke<ListCannedResponsesResponse__Output>('session', (m, o, cb) => this.client.ListCannedResponses({}, m, o, cb), context)).responses;
  }

  create(request: CreateCannedResponseRequest, context: CallContext): Promise<CannedResponse__Output> {
    return invoke('session', (m, o, cb) => this.client.CreateCannedResponse(request, m, o, cb), context);
  }

  update(request: UpdateCannedResponseRequest, context: CallContext): Promise<CannedResponse__Output> {
    return invoke('session', (m, o, cb) => this.client.UpdateCannedResponse(request, m, o, cb), context);
  }

  async delete(id: string, context: CallContext): Promise<void> {
    await invoke('session', (m, o, cb) => this.client.DeleteCannedResponse({ id }, m, o, cb), context);
  }

  close(): void {
    this.client.close();
  }
}
