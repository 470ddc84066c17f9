import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Caller as _parley_batch_v1_Caller, Caller__Output as _parley_batch_v1_Caller__Output } from './parley/batch/v1/Caller';
import type { ItemError as _parley_batch_v1_ItemError, ItemError__Output as _parley_batch_v1_ItemError__Output } from './parley/batch/v1/ItemError';
import type { AgentAvailability as _parley_presence_v1_AgentAvailability, AgentAvailability__Output as _parley_presence_v1_AgentAvailability__Output } from './parley/presence/v1/AgentAvailability';
import type { AgentState as _parley_presence_v1_AgentState, AgentState__Output as _parley_presence_v1_AgentState__Output } from './parley/presence/v1/AgentState';
import type { Empty as _parley_presence_v1_Empty, Empty__Output as _parley_presence_v1_Empty__Output } from './parley/presence/v1/Empty';
import type { GatewayRef as _parley_presence_v1_GatewayRef, GatewayRef__Output as _parley_presence_v1_GatewayRef__Output } from './parley/presence/v1/GatewayRef';
import type { JoinOutcome as _parley_presence_v1_JoinOutcome, JoinOutcome__Output as _parley_presence_v1_JoinOutcome__Output } from './parley/presence/v1/JoinOutcome';
import type { JoinOutcomes as _parley_presence_v1_JoinOutcomes, JoinOutcomes__Output as _parley_presence_v1_JoinOutcomes__Output } from './parley/presence/v1/JoinOutcomes';
import type { JoinResponse as _parley_presence_v1_JoinResponse, JoinResponse__Output as _parley_presence_v1_JoinResponse__Output } from './parley/presence/v1/JoinResponse';
import type { ListAgentStatesResponse as _parley_presence_v1_ListAgentStatesResponse, ListAgentStatesResponse__Output as _parley_presence_v1_ListAgentStatesResponse__Output } from './parley/presence/v1/ListAgentStatesResponse';
import type { ListOnlineAgentsResponse as _parley_presence_v1_ListOnlineAgentsResponse, ListOnlineAgentsResponse__Output as _parley_presence_v1_ListOnlineAgentsResponse__Output } from './parley/presence/v1/ListOnlineAgentsResponse';
import type { OnlineAgent as _parley_presence_v1_OnlineAgent, OnlineAgent__Output as _parley_presence_v1_OnlineAgent__Output } from './parley/presence/v1/OnlineAgent';
import type { Participant as _parley_presence_v1_Participant, Participant__Output as _parley_presence_v1_Participant__Output } from './parley/presence/v1/Participant';
import type { PresenceServiceClient as _parley_presence_v1_PresenceServiceClient, PresenceServiceDefinition as _parley_presence_v1_PresenceServiceDefinition } from './parley/presence/v1/PresenceService';
import type { RegistrationOutcome as _parley_presence_v1_RegistrationOutcome, RegistrationOutcome__Output as _parley_presence_v1_RegistrationOutcome__Output } from './parley/presence/v1/RegistrationOutcome';
import type { RegistrationOutcomes as _parley_presence_v1_RegistrationOutcomes, RegistrationOutcomes__Output as _parley_presence_v1_RegistrationOutcomes__Output } from './parley/presence/v1/RegistrationOutcomes';
import type { RenewLeaseResponse as _parley_presence_v1_RenewLeaseResponse, RenewLeaseResponse__Output as _parley_presence_v1_RenewLeaseResponse__Output } from './parley/presence/v1/RenewLeaseResponse';
import type { SessionSocketItem as _parley_presence_v1_SessionSocketItem, SessionSocketItem__Output as _parley_presence_v1_SessionSocketItem__Output } from './parley/presence/v1/SessionSocketItem';
import type { SessionSocketItems as _parley_presence_v1_SessionSocketItems, SessionSocketItems__Output as _parley_presence_v1_SessionSocketItems__Output } from './parley/presence/v1/SessionSocketItems';
import type { SessionSocketRef as _parley_presence_v1_SessionSocketRef, SessionSocketRef__Output as _parley_presence_v1_SessionSocketRef__Output } from './parley/presence/v1/SessionSocketRef';
import type { SetAvailabilityRequest as _parley_presence_v1_SetAvailabilityRequest, SetAvailabilityRequest__Output as _parley_presence_v1_SetAvailabilityRequest__Output } from './parley/presence/v1/SetAvailabilityRequest';
import type { SocketItem as _parley_presence_v1_SocketItem, SocketItem__Output as _parley_presence_v1_SocketItem__Output } from './parley/presence/v1/SocketItem';
import type { SocketItems as _parley_presence_v1_SocketItems, SocketItems__Output as _parley_presence_v1_SocketItems__Output } from './parley/presence/v1/SocketItems';
import type { SocketRef as _parley_presence_v1_SocketRef, SocketRef__Output as _parley_presence_v1_SocketRef__Output } from './parley/presence/v1/SocketRef';

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
    presence: {
      v1: {
        AgentAvailability: MessageTypeDefinition<_parley_presence_v1_AgentAvailability, _parley_presence_v1_AgentAvailability__Output>
        AgentState: MessageTypeDefinition<_parley_presence_v1_AgentState, _parley_presence_v1_AgentState__Output>
        Empty: MessageTypeDefinition<_parley_presence_v1_Empty, _parley_presence_v1_Empty__Output>
        GatewayRef: MessageTypeDefinition<_parley_presence_v1_GatewayRef, _parley_presence_v1_GatewayRef__Output>
        JoinOutcome: MessageTypeDefinition<_parley_presence_v1_JoinOutcome, _parley_presence_v1_JoinOutcome__Output>
        JoinOutcomes: MessageTypeDefinition<_parley_presence_v1_JoinOutcomes, _parley_presence_v1_JoinOutcomes__Output>
        JoinResponse: MessageTypeDefinition<_parley_presence_v1_JoinResponse, _parley_presence_v1_JoinResponse__Output>
        ListAgentStatesResponse: MessageTypeDefinition<_parley_presence_v1_ListAgentStatesResponse, _parley_presence_v1_ListAgentStatesResponse__Output>
        ListOnlineAgentsResponse: MessageTypeDefinition<_parley_presence_v1_ListOnlineAgentsResponse, _parley_presence_v1_ListOnlineAgentsResponse__Output>
        OnlineAgent: MessageTypeDefinition<_parley_presence_v1_OnlineAgent, _parley_presence_v1_OnlineAgent__Output>
        Participant: MessageTypeDefinition<_parley_presence_v1_Participant, _parley_presence_v1_Participant__Output>
        PresenceService: SubtypeConstructor<typeof grpc.Client, _parley_presence_v1_PresenceServiceClient> & { service: _parley_presence_v1_PresenceServiceDefinition }
        RegistrationOutcome: MessageTypeDefinition<_parley_presence_v1_RegistrationOutcome, _parley_presence_v1_RegistrationOutcome__Output>
        RegistrationOutcomes: MessageTypeDefinition<_parley_presence_v1_RegistrationOutcomes, _parley_presence_v1_RegistrationOutcomes__Output>
        RenewLeaseResponse: MessageTypeDefinition<_parley_presence_v1_RenewLeaseResponse, _parley_presence_v1_RenewLeaseResponse__Output>
        SessionSocketItem: MessageTypeDefinition<_parley_presence_v1_SessionSocketItem, _parley_presence_v1_SessionSocketItem__Output>
        SessionSocketItems: MessageTypeDefinition<_parley_presence_v1_SessionSocketItems, _parley_presence_v1_SessionSocketItems__Output>
        SessionSocketRef: MessageTypeDefinition<_parley_presence_v1_SessionSocketRef, _parley_presence_v1_SessionSocketRef__Output>
        SetAvailabilityRequest: MessageTypeDefinition<_parley_presence_v1_SetAvailabilityRequest, _parley_presence_v1_SetAvailabilityRequest__Output>
        SocketItem: MessageTypeDefinition<_parley_presence_v1_SocketItem, _parley_presence_v1_SocketItem__Output>
        SocketItems: MessageTypeDefinition<_parley_presence_v1_SocketItems, _parley_presence_v1_SocketItems__Output>
        SocketRef: MessageTypeDefinition<_parley_presence_v1_SocketRef, _parley_presence_v1_SocketRef__Output>
      }
    }
  }
}

