import { createEvent, routingKeys, type EventEnvelope, type Participant } from '@parley/contracts';
import type { Connection, PresenceStore } from './presence.ports';

export const userJoined = (sessionId: string, user: Participant) =>
  createEvent('user.joined', routingKeys.session(sessionId, 'user.joined'), { session_id: sessionId, user });

export const userLeft = (sessionId: string, userId: string, role: string) =>
  createEvent('user.left', routingKeys.session(sessionId, 'user.left'), { session_id: sessionId, user_id: userId, role });

export const typingStarted = (sessionId: string, userId: string, userName: string) =>
  createEvent('typing.started', routingKeys.session(sessionId, 'typing.started'), { session_id: sessionId, user_id: userId, user_name: userName });

export const typingStopped = (sessionId: string, userId: string) =>
  createEvent('typing.stopped', routingKeys.session(sessionId, 'typing.stopped'), { session_id: sessionId, user_id: userId });

/**
 * Takes one socket out of one session. When it was the user's last socket there, the user has
 * left (`user.left`), and an indicator of theirs stops (`typing.stopped`): nothing stays stuck.
 * Call with the user locked.
 */
export async function leaveSession(store: PresenceStore, connection: Connection, sessionId: string): Promise<EventEnvelope[]> {
  const { lastOfUser } = await store.deleteMembership(connection.socket_id, sessionId);
  if (!lastOfUser) return [];
  const events: EventEnvelope[] = [userLeft(sessionId, connection.user_id, connection.user_role)];
  if (await store.deleteTyping(sessionId, connection.user_id)) events.push(typingStopped(sessionId, connection.user_id));
  return events;
}

/**
 * Removes a socket and takes it out of every session it was in; a support agent's last socket
 * going makes them offline (the assigner's grace period counts from then). Call with the user locked.
 */
export async function dropConnection(store: PresenceStore, connection: Connection): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  for (const sessionId of await store.sessionsOf(connection.socket_id)) events.push(...(await leaveSession(store, connection, sessionId)));
  await store.deleteConnection(connection.socket_id);
  if (connection.user_role === 'support' && (await store.userConnectionCount(connection.user_id)) === 0) await store.agentOffline(connection.user_id);
  return events;
}
