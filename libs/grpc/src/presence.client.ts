import type { CallContext } from './call-metadata';
import { invoke } from './grpc-client';
import { presenceProto, SERVICE_NAMES } from './proto-loader';
import { serviceClient, type LocalServices } from './local-services';
import type { PresenceServiceClient } from './generated/parley/presence/v1/PresenceService';
import type { SocketRef } from './generated/parley/presence/v1/SocketRef';
import type { SessionSocketRef } from './generated/parley/presence/v1/SessionSocketRef';
import type { JoinResponse__Output } from './generated/parley/presence/v1/JoinResponse';
import type { RenewLeaseResponse__Output } from './generated/parley/presence/v1/RenewLeaseResponse';
import type { ListOnlineAgentsResponse__Output } from './generated/parley/presence/v1/ListOnlineAgentsResponse';
import type { AgentAvailability__Output } from './generated/parley/presence/v1/AgentAvailability';
import type { ListAgentStatesResponse__Output } from './generated/parley/presence/v1/ListAgentStatesResponse';
import type { SocketItem } from './generated/parley/presence/v1/SocketItem';
import type { SessionSocketItem } from './generated/parley/presence/v1/SessionSocketItem';
import type { RegistrationOutcomes__Output } from './generated/parley/presence/v1/RegistrationOutcomes';
import type { JoinOutcomes__Output } from './generated/parley/presence/v1/JoinOutcomes';

/** The presence service as its callers (the gateways) see it: one promise-returning method per RPC. */
export class PresenceClient {
  private readonly client: PresenceServiceClient;

  /** Over gRPC to `address`, or, given the process's `local` services, in process (all-in-one). */
  constructor(address: string, internalToken: string, local?: LocalServices) {
    this.client = serviceClient(presenceProto().PresenceService, SERVICE_NAMES.presence, address, internalToken, local);
  }

  async connect(request: SocketRef, context: CallContext): Promise<void> {
    await invoke('presence', (m, o, cb) => this.client.Connect(request, m, o, cb), context);
  }

  async disconnect(request: SocketRef, context: CallContext): Promise<void> {
    await invoke('presence', (m, o, cb) => this.client.Disconnect(request, m, o, cb), context);
  }

  join(request: SessionSocketRef, context: CallContext): Promise<JoinResponse__Output> {
    return invoke('presence', (m, o, cb) => this.client.Join(request, m, o, cb), context);
  }

  async leave(request: SessionSocketRef, context: CallContext): Promise<void> {
    await invoke('presence', (m, o, cb) => this.client.Leave(request, m, o, cb), context);
  }

  /**
   * Batches of registrations, each item for its own caller (`callerToProto`), answered item by
   * item in order; `context` is the batching gateway's own (a service identity).
   */
  connectMany(items: SocketItem[], context: CallContext): Promise<RegistrationOutcomes__Output> {
    return invoke('presence', (m, o, cb) => this.client.ConnectMany({ items }, m, o, cb), context);
  }

  disconnectMany(items: SocketItem[], context: CallContext): Promise<RegistrationOutcomes__Output> {
    return invoke('presence', (m, o, cb) => this.client.DisconnectMany({ items }, m, o, cb), context);
  }

  joinMany(items: SessionSocketItem[], context: CallContext): Promise<JoinOutcomes__Output> {
    return invoke('presence', (m, o, cb) => this.client.JoinMany({ items }, m, o, cb), context);
  }

  leaveMany(items: SessionSocketItem[], context: CallContext): Promise<RegistrationOutcomes__Output> {
    return invoke('presence', (m, o, cb) => this.client.LeaveMany({ items }, m, o, cb), context);
  }

  async typing(request: SessionSocketRef, context: CallContext): Promise<void> {
    await invoke('presence', (m, o, cb) => this.client.Typing(request, m, o, cb), context);
  }

  async stopTyping(request: SessionSocketRef, context: CallContext): Promise<void> {
    await invoke('presence', (m, o, cb) => this.client.StopTyping(request, m, o, cb), context);
  }

  renewLease(gatewayId: string, context: CallContext): Promise<RenewLeaseResponse__Output> {
    return invoke('presence', (m, o, cb) => this.client.RenewLease({ gateway_id: gatewayId }, m, o, cb), context);
  }

  async releaseGateway(gatewayId: string, context: CallContext): Promise<void> {
    await invoke('presence', (m, o, cb) => this.client.ReleaseGateway({ gateway_id: gatewayId }, m, o, cb), context);
  }

  listOnlineAgents(context: CallContext): Promise<ListOnlineAgentsResponse__Output> {
    return invoke('presence', (m, o, cb) => this.client.ListOnlineAgents({}, m, o, cb), context);
  }

  setAvailability(status: string, context: CallContext): Promise<AgentAvailability__Output> {
    return invoke('presence', (m, o, cb) => this.client.SetAvailability({ status }, m, o, cb), context);
  }

  listAgentStates(context: CallContext): Promise<ListAgentStatesResponse__Output> {
    return invoke('presence', (m, o, cb) => this.client.ListAgentStates({}, m, o, cb), context);
  }

  close(): void {
    this.client.close();
  }
}
