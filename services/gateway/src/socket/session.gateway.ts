import type { SessionJoinedEvent } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import type { ChatService } from '../domain/chat.service';
import type { Caller } from '../domain/gateway.ports';
import type { SessionRooms } from '../delivery/session-rooms';
import type { TypingService } from '../domain/typing.service';
import { clientEvent, type ClientEventListener, type EventOptions } from './event-handler';
import { typingSocketOf } from './signals.gateway';
import type { GatewaySocket } from './socket.types';

/**
 * Puts a socket in a session: subscribe, history, `session_joined`, then the live messages that
 * arrived meanwhile. A failure leaves the socket as it was.
 */
export async function joinSession(socket: GatewaySocket, chat: ChatService, rooms: SessionRooms, caller: Caller, payload: unknown): Promise<SessionJoinedEvent> {
  let entered: string | undefined;
  // The presence join registers the socket too (a requester's first one does): its disconnect must be told.
  socket.data.presenceKnown = true;
  try {
    const joined = await chat.joinSession(
      caller,
      payload,
      {
        known: (identity, sessionId) => rooms.sessions.lookup(identity, sessionId),
        bind: (sessionId) => rooms.bind(sessionId),
        release: (sessionId) => rooms.release(sessionId),
        remember: (session) => rooms.sessions.remember(session),
        enter: async (session) => {
          entered = session.id;
          await rooms.enter(socket, session.id);
        },
      },
      socket.data.ref,
    );
    socket.emit('session_joined', joined);
    metrics.socketEventsOut.inc({ event: 'session_joined' });
    const given = (payload as { last_seq?: number }).last_seq ?? 0;
    const seen = joined.messages.reduce((max, m) => Math.max(max, m.seq), given);
    rooms.completeJoin(socket, joined.session.id, seen);
    return joined;
  } catch (error) {
    if (entered) rooms.abortJoin(socket, entered);
    throw error;
  }
}

/** join_session and leave_session. */
/** `options`: the retry hint of a busy service's refusal; `joinOptions` add join_session's admission. */
export function sessionEvents(
  { chat, rooms, typing, logger }: { chat: ChatService; rooms: SessionRooms; typing: TypingService; logger: Logger },
  options: EventOptions = {},
  joinOptions: EventOptions = options,
): ClientEventListener[] {
  const join = clientEvent('join_session', logger, (socket, payload, caller) => joinSession(socket, chat, rooms, caller, payload), joinOptions);

  const leave = clientEvent('leave_session', logger, async (socket, payload, caller) => {
    const leave = (sessionId: string) => {
      typing.leave(caller, typingSocketOf(socket), [sessionId]);
      return rooms.leave(socket, sessionId);
    };
    const left = await chat.leaveSession(caller, payload, leave, socket.data.ref);
    socket.emit('session_left', left);
    return left;
  }, options);
  return [join, leave];
}
