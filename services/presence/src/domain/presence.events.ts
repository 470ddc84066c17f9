import { createEvent, routingKeys, type EventEnvelope, type Participant } from '@parley/contracts';
import type { PresenceStore } from './presence.ports';

export const userJoined = (sessionId: string, user: Participant, requestId?: string) =>
  createEvent('user.joined', routingKeys.session(sessionId, 'user.joined'), { session_id: sessionId, user }, requestId);

export const userLeft = (sessionId: string, userId: string, role: string, requestId?: string) =>
  createEvent('user.left', routingKeys.session(sessionId, 'user.left'), { session_id: sessionId, user_id: userId, role }, requestId);

export const typingStarted = (sessionId: string, userId: string, userName: string, requestId?: string) =>
  createEvent('typing.started', routingKeys.session(sessionId, 'typing.started'), { session_id: sessionId, user_id: userId, user_name: userName }, requestId);

export const typingStopped = (sessionId: string, userId: string, requestId?: string) =>
  createEvent('typing.stopped', routingKeys.session(sessionId, 'typing.stopped'), { session_id: sessionId, user_id: userId }, requestId);

/** Every support agent's state as it now stands, for the supervisors' live view (to admins). */
export async function rosterChanged(store: PresenceStore): Promise<EventEnvelope> {
  return createEvent('agent.roster_changed', routingKeys.admins('agent.roster_changed'), { agents: await store.agentStates() });
}
