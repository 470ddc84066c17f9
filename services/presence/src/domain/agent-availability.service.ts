import { createEvent, isStaff, routingKeys, setAvailabilitySchema, validate, type AgentState, type AvailabilityChangedEvent, type Identity } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';
import { rosterChanged } from './presence.events';
import type { PresenceRepository } from './presence.ports';

/**
 * Whether support agents take new chats (available / away), and the agents' states as the
 * session service's assigner needs them: online or since when offline, available or away.
 */
export function createAgentAvailabilityService({ presence }: { presence: PresenceRepository }) {
  return {
    /** A support agent sets their own availability; every agent hears of it. */
    async setAvailability(identity: Identity, input: unknown): Promise<AvailabilityChangedEvent> {
      if (identity.role !== 'support') throw permissionDenied('Only support agents set an availability');
      const { status } = validate(setAvailabilitySchema, input);
      const changed: AvailabilityChangedEvent = { agent_id: identity.userId, agent_name: identity.name, status };
      await presence.transaction(async (store) => {
        await store.lockUser(identity.userId);
        await store.setAvailability(identity.userId, identity.name, status);
        await store.record([createEvent('agent.availability_changed', routingKeys.agents('agent.availability_changed'), changed), await rosterChanged(store)]);
      });
      return changed;
    },

    /** The assigner (a service) and staff see every support agent's state. */
    async agentStates(identity: Identity): Promise<AgentState[]> {
      if (identity.role !== 'service' && !isStaff(identity.role)) throw permissionDenied('Only services and staff see the agents');
      return presence.transaction((store) => store.agentStates());
    },
  };
}

export type AgentAvailabilityService = ReturnType<typeof createAgentAvailabilityService>;
