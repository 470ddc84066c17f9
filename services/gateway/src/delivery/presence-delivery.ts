import type { EventEnvelope, ServerToClientEvents } from '@parley/contracts';
import { sessionRoom, type GatewayServer } from '../socket/socket.types';

type Outgoing = { [K in keyof ServerToClientEvents]: { name: K; data: Parameters<ServerToClientEvents[K]>[0] } }[keyof ServerToClientEvents];

/** The client event for a presence or receipt event, with the session it is about and whom it is about. */
export function toClientEvent(event: EventEnvelope): { sessionId: string; aboutUser: string; outgoing: Outgoing } | null {
  switch (event.type) {
    case 'user.joined': {
      const { session_id, user } = (event as EventEnvelope<'user.joined'>).data;
      return { sessionId: session_id, aboutUser: user.user_id, outgoing: { name: 'user_joined', data: { user_id: user.user_id, role: user.role, name: user.name } } };
    }
    case 'user.left': {
      const { session_id, user_id, role } = (event as EventEnvelope<'user.left'>).data;
      return { sessionId: session_id, aboutUser: user_id, outgoing: { name: 'user_left', data: { user_id, role } } };
    }
    case 'typing.started': {
      const data = (event as EventEnvelope<'typing.started'>).data;
      return { sessionId: data.session_id, aboutUser: data.user_id, outgoing: { name: 'user_typing', data } };
    }
    case 'typing.stopped': {
      const data = (event as EventEnvelope<'typing.stopped'>).data;
      return { sessionId: data.session_id, aboutUser: data.user_id, outgoing: { name: 'typing_stopped', data } };
    }
    case 'messages.read': {
      const data = (event as EventEnvelope<'messages.read'>).data;
      return { sessionId: data.session_id, aboutUser: data.user_id, outgoing: { name: 'messages_read', data } };
    }
    default:
      return null;
  }
}

/**
 * Emits a presence or receipt event to this gateway's sockets in the session, except those of the
 * user it is about: nobody is told that they themselves joined, typed or read. Answers whether
 * the event was one of these.
 */
export function deliverToOthers(io: GatewayServer, event: EventEnvelope): boolean {
  const mapped = toClientEvent(event);
  if (!mapped) return false;
  const room = io.of('/').adapter.rooms.get(sessionRoom(mapped.sessionId));
  for (const socketId of room ?? []) {
    const socket = io.of('/').sockets.get(socketId);
    if (!socket || socket.data.identity.userId === mapped.aboutUser || !socket.data.sessions.has(mapped.sessionId)) continue;
    (socket.emit as (name: string, data: unknown) => boolean)(mapped.outgoing.name, mapped.outgoing.data);
  }
  return true;
}
