import { validate, type EventEnvelope, type Identity } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';
import { typingStarted, typingStopped } from './presence.events';
import { sessionSocketRefSchema } from './presence.inputs';
import type { PresenceRepository, PresenceTimings } from './presence.ports';

/** One change to the typing record: an indicator announced (kept until its expiry) or stopped. */
export type TypingChange =
  | { kind: 'started'; session_id: string; user_id: string; user_name: string; expires_at: Date }
  | { kind: 'stopped'; session_id: string; user_id: string };

/** typing_indicators, written behind the signals. */
export interface TypingRecord {
  /** Applies changes; changes that arrive together are written together. */
  apply(changes: TypingChange[]): Promise<void>;
  /** Deletes the indicators that expired before `now`; answers how many. */
  deleteExpired(now: Date): Promise<number>;
}

/** Where typing signals go: to the gateways showing the session, as transient events. */
export interface TypingSignals {
  announce(events: EventEnvelope[]): void;
}

/** When a typist was last announced, per session and user, forgotten after a throttle window. */
export interface AnnouncedTypists {
  get(key: string): number | undefined;
  set(key: string, at: number): void;
  delete(key: string): boolean;
}

export interface TypingServiceDeps {
  presence: PresenceRepository;
  record: TypingRecord;
  signals: TypingSignals;
  announced: AnnouncedTypists;
  timings: PresenceTimings;
  now?: () => Date;
}

/**
 * Typing is a signal that gateways announce and expire themselves (docs/architecture.md,
 * Presence). This service keeps `typing_indicators` as its record, written behind the signals in
 * batches (`recordSignal`) and swept of expired rows, and still takes `Typing`/`StopTyping` from
 * gateways of the previous version during a rolling upgrade, announcing for them as today's
 * gateways do (only participants; a typist at most once per throttle window).
 */
export function createTypingService({ presence, record, signals, announced, timings, now = () => new Date() }: TypingServiceDeps) {
  /** Only a socket of the caller that joined the session may type there. */
  async function participantSession(identity: Identity, input: unknown): Promise<string> {
    if (identity.role === 'service') throw permissionDenied('Only users type');
    const ref = validate(sessionSocketRefSchema, input);
    const sessionId = ref.session_id.toLowerCase();
    const member = await presence.transaction(async (store) => {
      const connection = await store.getConnection(ref.socket_id);
      return connection !== null && connection.user_id === identity.userId && (await store.isMember(ref.socket_id, sessionId));
    });
    if (!member) throw permissionDenied('Only participants of the session may type in it: join it first');
    return sessionId;
  }

  const keyOf = (sessionId: string, userId: string) => `${sessionId}/${userId}`;

  return {
    async typing(identity: Identity, input: unknown): Promise<void> {
      const sessionId = await participantSession(identity, input);
      const key = keyOf(sessionId, identity.userId);
      const at = now().getTime();
      const last = announced.get(key);
      if (last !== undefined && at - last < timings.typingThrottleMs) return;
      announced.set(key, at);
      signals.announce([typingStarted(sessionId, identity.userId, identity.name, identity.requestId)]);
    },

    async stopTyping(identity: Identity, input: unknown): Promise<void> {
      const sessionId = await participantSession(identity, input);
      if (announced.delete(keyOf(sessionId, identity.userId))) signals.announce([typingStopped(sessionId, identity.userId, identity.requestId)]);
    },

    /** A typing signal seen on the bus, written to the record (its expiry counted from when it was announced). */
    recordSignal(event: EventEnvelope): Promise<void> {
      if (event.type === 'typing.started') {
        const { session_id, user_id, user_name } = (event as EventEnvelope<'typing.started'>).data;
        const expires_at = new Date(Date.parse(event.occurred_at) + timings.typingTtlMs);
        return record.apply([{ kind: 'started', session_id, user_id, user_name, expires_at }]);
      }
      if (event.type === 'typing.stopped') {
        const { session_id, user_id } = (event as EventEnvelope<'typing.stopped'>).data;
        return record.apply([{ kind: 'stopped', session_id, user_id }]);
      }
      return Promise.resolve();
    },

    /** Deletes expired indicators from the record; answers how many (the gateways showing them expired them already). */
    sweepExpired(): Promise<number> {
      return record.deleteExpired(now());
    },
  };
}

export type TypingService = ReturnType<typeof createTypingService>;
