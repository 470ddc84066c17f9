import { createEvent, routingKeys, typingSchema, validate, type EventEnvelope } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';
import type { Caller } from './gateway.ports';

/** Where typing signals go: to every gateway with the session's room, as transient events. */
export interface TypingSignals {
  announce(events: EventEnvelope[]): void;
}

/** One socket as typing sees it: the sessions it joined, and when it last announced typing in each. */
export interface TypingSocket {
  joined(sessionId: string): boolean;
  /** Session id → when this socket last announced `typing.started` there (ms). */
  announced: Map<string, number>;
}

export interface TypingServiceDeps {
  signals: TypingSignals;
  /** A typist is announced again at most this often; the indicator lives TYPING_TTL_MS after the last announcement. */
  throttleMs: number;
  now?: () => number;
}

/**
 * Typing is a signal, not a record: the typist's gateway announces it (transient, no database, no
 * outbox) and each gateway showing it expires it (delivery/typing-indicators.ts). Only a socket
 * that joined the session types there; repeats within the throttle window announce nothing, so a
 * typist costs one announcement every few seconds however often the client sends `typing`.
 */
export function createTypingService({ signals, throttleMs, now = Date.now }: TypingServiceDeps) {
  function sessionOf(socket: TypingSocket, payload: unknown): string {
    const sessionId = validate(typingSchema, payload).session_id.toLowerCase();
    if (!socket.joined(sessionId)) throw permissionDenied('Only participants of the session may type in it: join it first');
    return sessionId;
  }

  const stopped = (caller: Caller, sessionId: string) =>
    createEvent('typing.stopped', routingKeys.session(sessionId, 'typing.stopped'), { session_id: sessionId, user_id: caller.identity.userId }, caller.requestId);

  return {
    typing(caller: Caller, socket: TypingSocket, payload: unknown): { session_id: string } {
      const sessionId = sessionOf(socket, payload);
      const last = socket.announced.get(sessionId);
      const at = now();
      if (last === undefined || at - last >= throttleMs) {
        socket.announced.set(sessionId, at);
        const { userId, name } = caller.identity;
        signals.announce([createEvent('typing.started', routingKeys.session(sessionId, 'typing.started'), { session_id: sessionId, user_id: userId, user_name: name }, caller.requestId)]);
      }
      return { session_id: sessionId };
    },

    stopTyping(caller: Caller, socket: TypingSocket, payload: unknown): { session_id: string } {
      const sessionId = sessionOf(socket, payload);
      if (socket.announced.delete(sessionId)) signals.announce([stopped(caller, sessionId)]);
      return { session_id: sessionId };
    },

    /** The socket left the session, or went away: an indicator it announced stops. */
    leave(caller: Caller, socket: TypingSocket, sessionIds: Iterable<string>): void {
      const events = [...sessionIds].filter((id) => socket.announced.delete(id)).map((id) => stopped(caller, id));
      if (events.length > 0) signals.announce(events);
    },
  };
}

export type TypingService = ReturnType<typeof createTypingService>;
