// Original file: parley/presence/v1/presence.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AgentAvailability as _parley_presence_v1_AgentAvailability, AgentAvailability__Output as _parley_presence_v1_AgentAvailability__Output } from '../../../parley/presence/v1/AgentAvailability';
import type { Empty as _parley_presence_v1_Empty, Empty__Output as _parley_presence_v1_Empty__Output } from '../../../parley/presence/v1/Empty';
import type { GatewayRef as _parley_presence_v1_GatewayRef, GatewayRef__Output as _parley_presence_v1_GatewayRef__Output } from '../../../parley/presence/v1/GatewayRef';
import type { JoinOutcomes as _parley_presence_v1_JoinOutcomes, JoinOutcomes__Output as _parley_presence_v1_JoinOutcomes__Output } from '../../../parley/presence/v1/JoinOutcomes';
import type { JoinResponse as _parley_presence_v1_JoinResponse, JoinResponse__Output as _parley_presence_v1_JoinResponse__Output } from '../../../parley/presence/v1/JoinResponse';
import type { ListAgentStatesResponse as _parley_presence_v1_ListAgentStatesResponse, ListAgentStatesResponse__Output as _parley_presence_v1_ListAgentStatesResponse__Output } from '../../../parley/presence/v1/ListAgentStatesResponse';
import type { ListOnlineAgentsResponse as _parley_presence_v1_ListOnlineAgentsResponse, ListOnlineAgentsResponse__Output as _parley_presence_v1_ListOnlineAgentsResponse__Output } from '../../../parley/presence/v1/ListOnlineAgentsResponse';
import type { RegistrationOutcomes as _parley_presence_v1_RegistrationOutcomes, RegistrationOutcomes__Output as _parley_presence_v1_RegistrationOutcomes__Output } from '../../../parley/presence/v1/RegistrationOutcomes';
import type { RenewLeaseResponse as _parley_presence_v1_RenewLeaseResponse, RenewLeaseResponse__Output as _parley_presence_v1_RenewLeaseResponse__Output } from '../../../parley/presence/v1/RenewLeaseResponse';
import type { SessionSocketItems as _parley_presence_v1_SessionSocketItems, SessionSocketItems__Output as _parley_presence_v1_SessionSocketItems__Output } from '../../../parley/presence/v1/SessionSocketItems';
import type { SessionSocketRef as _parley_presence_v1_SessionSocketRef, SessionSocketRef__Output as _parley_presence_v1_SessionSocketRef__Output } from '../../../parley/presence/v1/SessionSocketRef';
import type { SetAvailabilityRequest as _parley_presence_v1_SetAvailabilityRequest, SetAvailabilityRequest__Output as _parley_presence_v1_SetAvailabilityRequest__Output } from '../../../parley/presence/v1/SetAvailabilityRequest';
import type { SocketItems as _parley_presence_v1_SocketItems, SocketItems__Output as _parley_presence_v1_SocketItems__Output } from '../../../parley/presence/v1/SocketItems';
import type { SocketRef as _parley_presence_v1_SocketRef, SocketRef__Output as _parley_presence_v1_SocketRef__Output } from '../../../parley/presence/v1/SocketRef';

export interface PresenceServiceClient extends grpc.Client {
  Connect(argument: _parley_presence_v1_SocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Connect(argument: _parley_presence_v1_SocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Connect(argument: _parley_presence_v1_SocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Connect(argument: _parley_presence_v1_SocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  connect(argument: _parley_presence_v1_SocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  connect(argument: _parley_presence_v1_SocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  connect(argument: _parley_presence_v1_SocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  connect(argument: _parley_presence_v1_SocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  ConnectMany(argument: _parley_presence_v1_SocketItems, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  ConnectMany(argument: _parley_presence_v1_SocketItems, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  ConnectMany(argument: _parley_presence_v1_SocketItems, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  ConnectMany(argument: _parley_presence_v1_SocketItems, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  connectMany(argument: _parley_presence_v1_SocketItems, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  connectMany(argument: _parley_presence_v1_SocketItems, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  connectMany(argument: _parley_presence_v1_SocketItems, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  connectMany(argument: _parley_presence_v1_SocketItems, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  
  Disconnect(argument: _parley_presence_v1_SocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Disconnect(argument: _parley_presence_v1_SocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Disconnect(argument: _parley_presence_v1_SocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Disconnect(argument: _parley_presence_v1_SocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  disconnect(argument: _parley_presence_v1_SocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  disconnect(argument: _parley_presence_v1_SocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  disconnect(argument: _parley_presence_v1_SocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  disconnect(argument: _parley_presence_v1_SocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  DisconnectMany(argument: _parley_presence_v1_SocketItems, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  DisconnectMany(argument: _parley_presence_v1_SocketItems, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  DisconnectMany(argument: _parley_presence_v1_SocketItems, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  DisconnectMany(argument: _parley_presence_v1_SocketItems, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  disconnectMany(argument: _parley_presence_v1_SocketItems, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  disconnectMany(argument: _parley_presence_v1_SocketItems, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  disconnectMany(argument: _parley_presence_v1_SocketItems, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  disconnectMany(argument: _parley_presence_v1_SocketItems, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  
  Join(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  Join(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  Join(argument: _parley_presence_v1_SessionSocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  Join(argument: _parley_presence_v1_SessionSocketRef, callback: grpc.requestCallback<_parley_presence_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _parley_presence_v1_SessionSocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _parley_presence_v1_SessionSocketRef, callback: grpc.requestCallback<_parley_presence_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  
  JoinMany(argument: _parley_presence_v1_SessionSocketItems, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_JoinOutcomes__Output>): grpc.ClientUnaryCall;
  JoinMany(argument: _parley_presence_v1_SessionSocketItems, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_JoinOutcomes__Output>): grpc.ClientUnaryCall;
  JoinMany(argument: _parley_presence_v1_SessionSocketItems, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_JoinOutcomes__Output>): grpc.ClientUnaryCall;
  JoinMany(argument: _parley_presence_v1_SessionSocketItems, callback: grpc.requestCallback<_parley_presence_v1_JoinOutcomes__Output>): grpc.ClientUnaryCall;
  joinMany(argument: _parley_presence_v1_SessionSocketItems, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_JoinOutcomes__Output>): grpc.ClientUnaryCall;
  joinMany(argument: _parley_presence_v1_SessionSocketItems, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_JoinOutcomes__Output>): grpc.ClientUnaryCall;
  joinMany(argument: _parley_presence_v1_SessionSocketItems, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_JoinOutcomes__Output>): grpc.ClientUnaryCall;
  joinMany(argument: _parley_presence_v1_SessionSocketItems, callback: grpc.requestCallback<_parley_presence_v1_JoinOutcomes__Output>): grpc.ClientUnaryCall;
  
  Leave(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Leave(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Leave(argument: _parley_presence_v1_SessionSocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Leave(argument: _parley_presence_v1_SessionSocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  leave(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  leave(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  leave(argument: _parley_presence_v1_SessionSocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  leave(argument: _parley_presence_v1_SessionSocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  LeaveMany(argument: _parley_presence_v1_SessionSocketItems, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  LeaveMany(argument: _parley_presence_v1_SessionSocketItems, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  LeaveMany(argument: _parley_presence_v1_SessionSocketItems, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  LeaveMany(argument: _parley_presence_v1_SessionSocketItems, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  leaveMany(argument: _parley_presence_v1_SessionSocketItems, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  leaveMany(argument: _parley_presence_v1_SessionSocketItems, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  leaveMany(argument: _parley_presence_v1_SessionSocketItems, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  leaveMany(argument: _parley_presence_v1_SessionSocketItems, callback: grpc.requestCallback<_parley_presence_v1_RegistrationOutcomes__Output>): grpc.ClientUnaryCall;
  
  ListAgentStates(argument: _parley_presence_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_ListAgentStatesResponse__Output>): grpc.ClientUnaryCall;
  ListAgentStates(argument: _parley_presence_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_ListAgentStatesResponse__Output>): grpc.ClientUnaryCall;
  ListAgentStates(argument: _parley_presence_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_ListAgentStatesResponse__Output>): grpc.ClientUnaryCall;
  ListAgentStates(argument: _parley_presence_v1_Empty, callback: grpc.requestCallback<_parley_presence_v1_ListAgentStatesResponse__Output>): grpc.ClientUnaryCall;
  listAgentStates(argument: _parley_presence_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_ListAgentStatesResponse__Output>): grpc.ClientUnaryCall;
  listAgentStates(argument: _parley_presence_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_ListAgentStatesResponse__Output>): grpc.ClientUnaryCall;
  listAgentStates(argument: _parley_presence_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_ListAgentStatesResponse__Output>): grpc.ClientUnaryCall;
  listAgentStates(argument: _parley_presence_v1_Empty, callback: grpc.requestCallback<_parley_presence_v1_ListAgentStatesResponse__Output>): grpc.ClientUnaryCall;
  
  ListOnlineAgents(argument: _parley_presence_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_ListOnlineAgentsResponse__Output>): grpc.ClientUnaryCall;
  ListOnlineAgents(argument: _parley_presence_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_ListOnlineAgentsResponse__Output>): grpc.ClientUnaryCall;
  ListOnlineAgents(argument: _parley_presence_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_ListOnlineAgentsResponse__Output>): grpc.ClientUnaryCall;
  ListOnlineAgents(argument: _parley_presence_v1_Empty, callback: grpc.requestCallback<_parley_presence_v1_ListOnlineAgentsResponse__Output>): grpc.ClientUnaryCall;
  listOnlineAgents(argument: _parley_presence_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_ListOnlineAgentsResponse__Output>): grpc.ClientUnaryCall;
  listOnlineAgents(argument: _parley_presence_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_ListOnlineAgentsResponse__Output>): grpc.ClientUnaryCall;
  listOnlineAgents(argument: _parley_presence_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_ListOnlineAgentsResponse__Output>): grpc.ClientUnaryCall;
  listOnlineAgents(argument: _parley_presence_v1_Empty, callback: grpc.requestCallback<_parley_presence_v1_ListOnlineAgentsResponse__Output>): grpc.ClientUnaryCall;
  
  ReleaseGateway(argument: _parley_presence_v1_GatewayRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  ReleaseGateway(argument: _parley_presence_v1_GatewayRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  ReleaseGateway(argument: _parley_presence_v1_GatewayRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  ReleaseGateway(argument: _parley_presence_v1_GatewayRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  releaseGateway(argument: _parley_presence_v1_GatewayRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  releaseGateway(argument: _parley_presence_v1_GatewayRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  releaseGateway(argument: _parley_presence_v1_GatewayRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  releaseGateway(argument: _parley_presence_v1_GatewayRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  RenewLease(argument: _parley_presence_v1_GatewayRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RenewLeaseResponse__Output>): grpc.ClientUnaryCall;
  RenewLease(argument: _parley_presence_v1_GatewayRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_RenewLeaseResponse__Output>): grpc.ClientUnaryCall;
  RenewLease(argument: _parley_presence_v1_GatewayRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RenewLeaseResponse__Output>): grpc.ClientUnaryCall;
  RenewLease(argument: _parley_presence_v1_GatewayRef, callback: grpc.requestCallback<_parley_presence_v1_RenewLeaseResponse__Output>): grpc.ClientUnaryCall;
  renewLease(argument: _parley_presence_v1_GatewayRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RenewLeaseResponse__Output>): grpc.ClientUnaryCall;
  renewLease(argument: _parley_presence_v1_GatewayRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_RenewLeaseResponse__Output>): grpc.ClientUnaryCall;
  renewLease(argument: _parley_presence_v1_GatewayRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_RenewLeaseResponse__Output>): grpc.ClientUnaryCall;
  renewLease(argument: _parley_presence_v1_GatewayRef, callback: grpc.requestCallback<_parley_presence_v1_RenewLeaseResponse__Output>): grpc.ClientUnaryCall;
  
  SetAvailability(argument: _parley_presence_v1_SetAvailabilityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_AgentAvailability__Output>): grpc.ClientUnaryCall;
  SetAvailability(argument: _parley_presence_v1_SetAvailabilityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_AgentAvailability__Output>): grpc.ClientUnaryCall;
  SetAvailability(argument: _parley_presence_v1_SetAvailabilityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_AgentAvailability__Output>): grpc.ClientUnaryCall;
  SetAvailability(argument: _parley_presence_v1_SetAvailabilityRequest, callback: grpc.requestCallback<_parley_presence_v1_AgentAvailability__Output>): grpc.ClientUnaryCall;
  setAvailability(argument: _parley_presence_v1_SetAvailabilityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_AgentAvailability__Output>): grpc.ClientUnaryCall;
  setAvailability(argument: _parley_presence_v1_SetAvailabilityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_AgentAvailability__Output>): grpc.ClientUnaryCall;
  setAvailability(argument: _parley_presence_v1_SetAvailabilityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_AgentAvailability__Output>): grpc.ClientUnaryCall;
  setAvailability(argument: _parley_presence_v1_SetAvailabilityRequest, callback: grpc.requestCallback<_parley_presence_v1_AgentAvailability__Output>): grpc.ClientUnaryCall;
  
  StopTyping(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  StopTyping(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  StopTyping(argument: _parley_presence_v1_SessionSocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  StopTyping(argument: _parley_presence_v1_SessionSocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  stopTyping(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  stopTyping(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  stopTyping(argument: _parley_presence_v1_SessionSocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  stopTyping(argument: _parley_presence_v1_SessionSocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  Typing(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Typing(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Typing(argument: _parley_presence_v1_SessionSocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  Typing(argument: _parley_presence_v1_SessionSocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  typing(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  typing(argument: _parley_presence_v1_SessionSocketRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  typing(argument: _parley_presence_v1_SessionSocketRef, options: grpc.CallOptions, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  typing(argument: _parley_presence_v1_SessionSocketRef, callback: grpc.requestCallback<_parley_presence_v1_Empty__Output>): grpc.ClientUnaryCall;
  
}

export interface PresenceServiceHandlers extends grpc.UntypedServiceImplementation {
  Connect: grpc.handleUnaryCall<_parley_presence_v1_SocketRef__Output, _parley_presence_v1_Empty>;
  
  ConnectMany: grpc.handleUnaryCall<_parley_presence_v1_SocketItems__Output, _parley_presence_v1_RegistrationOutcomes>;
  
  Disconnect: grpc.handleUnaryCall<_parley_presence_v1_SocketRef__Output, _parley_presence_v1_Empty>;
  
  DisconnectMany: grpc.handleUnaryCall<_parley_presence_v1_SocketItems__Output, _parley_presence_v1_RegistrationOutcomes>;
  
  Join: grpc.handleUnaryCall<_parley_presence_v1_SessionSocketRef__Output, _parley_presence_v1_JoinResponse>;
  
  JoinMany: grpc.handleUnaryCall<_parley_presence_v1_SessionSocketItems__Output, _parley_presence_v1_JoinOutcomes>;
  
  Leave: grpc.handleUnaryCall<_parley_presence_v1_SessionSocketRef__Output, _parley_presence_v1_Empty>;
  
  LeaveMany: grpc.handleUnaryCall<_parley_presence_v1_SessionSocketItems__Output, _parley_presence_v1_RegistrationOutcomes>;
  
  ListAgentStates: grpc.handleUnaryCall<_parley_presence_v1_Empty__Output, _parley_presence_v1_ListAgentStatesResponse>;
  
  ListOnlineAgents: grpc.handleUnaryCall<_parley_presence_v1_Empty__Output, _parley_presence_v1_ListOnlineAgentsResponse>;
  
  ReleaseGateway: grpc.handleUnaryCall<_parley_presence_v1_GatewayRef__Output, _parley_presence_v1_Empty>;
  
  RenewLease: grpc.handleUnaryCall<_parley_presence_v1_GatewayRef__Output, _parley_presence_v1_RenewLeaseResponse>;
  
  SetAvailability: grpc.handleUnaryCall<_parley_presence_v1_SetAvailabilityRequest__Output, _parley_presence_v1_AgentAvailability>;
  
  StopTyping: grpc.handleUnaryCall<_parley_presence_v1_SessionSocketRef__Output, _parley_presence_v1_Empty>;
  
  Typing: grpc.handleUnaryCall<_parley_presence_v1_SessionSocketRef__Output, _parley_presence_v1_Empty>;
  
}

export interface PresenceServiceDefinition extends grpc.ServiceDefinition {
  Connect: MethodDefinition<_parley_presence_v1_SocketRef, _parley_presence_v1_Empty, _parley_presence_v1_SocketRef__Output, _parley_presence_v1_Empty__Output>
  ConnectMany: MethodDefinition<_parley_presence_v1_SocketItems, _parley_presence_v1_RegistrationOutcomes, _parley_presence_v1_SocketItems__Output, _parley_presence_v1_RegistrationOutcomes__Output>
  Disconnect: MethodDefinition<_parley_presence_v1_SocketRef, _parley_presence_v1_Empty, _parley_presence_v1_SocketRef__Output, _parley_presence_v1_Empty__Output>
  DisconnectMany: MethodDefinition<_parley_presence_v1_SocketItems, _parley_presence_v1_RegistrationOutcomes, _parley_presence_v1_SocketItems__Output, _parley_presence_v1_RegistrationOutcomes__Output>
  Join: MethodDefinition<_parley_presence_v1_SessionSocketRef, _parley_presence_v1_JoinResponse, _parley_presence_v1_SessionSocketRef__Output, _parley_presence_v1_JoinResponse__Output>
  JoinMany: MethodDefinition<_parley_presence_v1_SessionSocketItems, _parley_presence_v1_JoinOutcomes, _parley_presence_v1_SessionSocketItems__Output, _parley_presence_v1_JoinOutcomes__Output>
  Leave: MethodDefinition<_parley_presence_v1_SessionSocketRef, _parley_presence_v1_Empty, _parley_presence_v1_SessionSocketRef__Output, _parley_presence_v1_Empty__Output>
  LeaveMany: MethodDefinition<_parley_presence_v1_SessionSocketItems, _parley_presence_v1_RegistrationOutcomes, _parley_presence_v1_SessionSocketItems__Output, _parley_presence_v1_RegistrationOutcomes__Output>
  ListAgentStates: MethodDefinition<_parley_presence_v1_Empty, _parley_presence_v1_ListAgentStatesResponse, _parley_presence_v1_Empty__Output, _parley_presence_v1_ListAgentStatesResponse__Output>
  ListOnlineAgents: MethodDefinition<_parley_presence_v1_Empty, _parley_presence_v1_ListOnlineAgentsResponse, _parley_presence_v1_Empty__Output, _parley_presence_v1_ListOnlineAgentsResponse__Output>
  ReleaseGateway: MethodDefinition<_parley_presence_v1_GatewayRef, _parley_presence_v1_Empty, _parley_presence_v1_GatewayRef__Output, _parley_presence_v1_Empty__Output>
  RenewLease: MethodDefinition<_parley_presence_v1_GatewayRef, _parley_presence_v1_RenewLeaseResponse, _parley_presence_v1_GatewayRef__Output, _parley_presence_v1_RenewLeaseResponse__Output>
  SetAvailability: MethodDefinition<_parley_presence_v1_SetAvailabilityRequest, _parley_presence_v1_AgentAvailability, _parley_presence_v1_SetAvailabilityRequest__Output, _parley_presence_v1_AgentAvailability__Output>
  StopTyping: MethodDefinition<_parley_presence_v1_SessionSocketRef, _parley_presence_v1_Empty, _parley_presence_v1_SessionSocketRef__Output, _parley_presence_v1_Empty__Output>
  Typing: MethodDefinition<_parley_presence_v1_SessionSocketRef, _parley_presence_v1_Empty, _parley_presence_v1_SessionSocketRef__Output, _parley_presence_v1_Empty__Output>
}
