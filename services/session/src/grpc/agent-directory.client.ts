import { SYSTEM_IDENTITY, type Availability } from '@parley/contracts';
import type { PresenceClient } from '@parley/grpc';
import type { AgentDirectory } from '../domain/assignment.ports';

/** The support agents as the presence service sees them, asked with the session service's own identity. */
export function createAgentDirectory(client: PresenceClient): AgentDirectory {
  return {
    agentStates: async () =>
      (await client.listAgentStates({ identity: SYSTEM_IDENTITY })).agents.map((a) => ({
        agent_id: a.agent_id,
        agent_name: a.agent_name,
        online: a.online,
        availability: a.availability as Availability,
        offline_since: a.offline_since || null,
      })),
  };
}
