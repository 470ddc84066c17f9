import type { EventEnvelope, Identity } from '@parley/contracts';
import { permissionDenied, type AppError } from '@parley/errors';
import { userJoined, userLeft } from './presence.events';
import type { SocketRef } from './presence.inputs';
import type { Connection, Registry, RegistryChanges } from './presence.ports';

/** One registration a gateway reported for one user, its input checked (a join's session too). */
export type Registration =
  | { kind: 'connect' | 'disconnect'; identity: Identity; socket: SocketRef }
  | { kind: 'join' | 'leave'; identity: Identity; socket: SocketRef; sessionId: string };

/** What a batch does: its writes (null when none), its events, and each item's refusal (null: done). */
export interface RegistrationPlan {
  changes: RegistryChanges | null;
  events: EventEnvelope[];
  refusals: Array<AppError | null>;
  /** A support agent came online (their first socket) or went offline (their last): the supervisors hear it. */
  rosterChanged: boolean;
}

interface SocketState {
  connection: Connection;
  sessions: Set<string>;
}

const pair = (userId: string, sessionId: string) => `${userId}\u0000${sessionId}`;

/** The (user, session) pairs present in a registry state. */
function presentPairs(sockets: Map<string, SocketState>): Set<string> {
  const present = new Set<string>();
  for (const { connection, sessions } of sockets.values()) for (const sessionId of sessions) present.add(pair(connection.user_id, sessionId));
  return present;
}

/**
 * Applies a batch's registrations, in order, to the registry as read, and answers what changes.
 * The rules, item by item: a socket belongs to the user who registered it (another user's item
 * naming it is refused alone); a connect or join registers an unknown socket; leaving or
 * disconnecting an unknown socket changes nothing. Whatever the batch did in between, the writes
 * are the difference between the registry before and after it, and so are the events: a user
 * joined a session if they had no socket there before the batch and have one after it (left: the
 * reverse), so each is announced at most once per batch however many sockets moved. A support
 * agent's first socket makes them online, their last going offline. A gateway without a live lease
 * gets one when a socket of it registers; a live one is left alone (renewing it would lock its row).
 */
export function planRegistrations(registry: Registry, items: Registration[], leaseUntil: Date): RegistrationPlan {
  const before = new Map<string, SocketState>(
    registry.sockets.map(({ session_ids, ...connection }) => [connection.socket_id, { connection, sessions: new Set(session_ids) }]),
  );
  const after = new Map<string, SocketState>([...before].map(([id, s]) => [id, { connection: s.connection, sessions: new Set(s.sessions) }]));
  const refusals = items.map((): AppError | null => null);
  // The pairs the batch may have moved, in the order first moved, with the item that moved them last.
  const moved = new Map<string, { sessionId: string; by: Registration }>();
  const move = (by: Registration, sessionId: string) => moved.set(pair(by.identity.userId, sessionId), { sessionId, by });

  items.forEach((item, i) => {
    const id = item.socket.socket_id;
    let state = after.get(id);
    if (state && state.connection.user_id !== item.identity.userId) {
      refusals[i] = permissionDenied('The socket belongs to another user');
      return;
    }
    if (item.kind === 'connect' || item.kind === 'join') {
      if (!state) {
        const { userId, role, name } = item.identity;
        state = { connection: { socket_id: id, gateway_id: item.socket.gateway_id, user_id: userId, user_role: role, user_name: name }, sessions: new Set() };
        after.set(id, state);
      }
      if (item.kind === 'join') {
        state.sessions.add(item.sessionId);
        move(item, item.sessionId);
      }
    } else if (state && item.kind === 'leave') {
      state.sessions.delete(item.sessionId);
      move(item, item.sessionId);
    } else if (state) {
      for (const sessionId of state.sessions) move(item, sessionId);
      after.delete(id);
    }
  });

  const wasIn = presentPairs(before);
  const isIn = presentPairs(after);
  const events: EventEnvelope[] = [];
  for (const [key, { sessionId, by }] of moved) {
    const { userId, role, name, requestId } = by.identity;
    if (!wasIn.has(key) && isIn.has(key)) events.push(userJoined(sessionId, { user_id: userId, role, name }, requestId));
    if (wasIn.has(key) && !isIn.has(key)) events.push(userLeft(sessionId, userId, role, requestId));
  }
  const changes = changesBetween(before, after, items, refusals, registry.liveGateways, leaseUntil);
  const agents = (sockets: Map<string, SocketState>) => new Set([...sockets.values()].filter((s) => s.connection.user_role === 'support').map((s) => s.connection.user_id));
  const [agentsBefore, agentsAfter] = [agents(before), agents(after)];
  const rosterChanged = [...agentsAfter].some((a) => !agentsBefore.has(a)) || [...agentsBefore].some((a) => !agentsAfter.has(a));
  return { changes, events, refusals, rosterChanged };
}

function changesBetween(
  before: Map<string, SocketState>,
  after: Map<string, SocketState>,
  items: Registration[],
  refusals: Array<AppError | null>,
  liveGateways: string[],
  leaseUntil: Date,
): RegistryChanges | null {
  const added = [...after.values()].filter((s) => !before.has(s.connection.socket_id)).map((s) => s.connection);
  const dropped = [...before.keys()].filter((id) => !after.has(id));
  const joined = new Map<string, RegistryChanges['joined'][number]>();
  items.forEach((item, i) => {
    if (item.kind !== 'join' || refusals[i]) return;
    const id = item.socket.socket_id;
    if (after.get(id)?.sessions.has(item.sessionId) && !before.get(id)?.sessions.has(item.sessionId)) {
      joined.set(`${id}\u0000${item.sessionId}`, { socket_id: id, session_id: item.sessionId, user_id: item.identity.userId });
    }
  });
  const left = [...before].flatMap(([id, { sessions }]) => {
    const now = after.get(id);
    return now ? [...sessions].filter((sessionId) => !now.sessions.has(sessionId)).map((sessionId) => ({ socket_id: id, session_id: sessionId })) : [];
  });
  const live = new Set(liveGateways);
  const leases = [...new Set(added.map((c) => c.gateway_id))].filter((g) => !live.has(g)).sort();
  const agentsOnline = [...new Map(added.filter((c) => c.user_role === 'support').map((c) => [c.user_id, { agent_id: c.user_id, agent_name: c.user_name }])).values()];
  const stillOnline = new Set([...after.values()].map((s) => s.connection.user_id));
  const agentsOffline = [...new Set([...before.values()].filter((s) => s.connection.user_role === 'support' && !stillOnline.has(s.connection.user_id)).map((s) => s.connection.user_id))];
  if (added.length + dropped.length + joined.size + left.length === 0) return null;
  return { leases, leaseUntil, added, dropped, joined: [...joined.values()], left, agentsOnline, agentsOffline };
}
