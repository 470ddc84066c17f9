import { validate, type Identity } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';
import { typingStarted, typingStopped } from './presence.events';
import { sessionSocketRefSchema } from './presence.inputs';
import type { PresenceRepository, PresenceStore, PresenceTimings } from './presence.ports';

export interface TypingServiceDeps {
  presence: PresenceRepository;
  timings: PresenceTimings;
  now?: () => Date;
}

/**
 * Typing indicators: stored with an expiry, refreshed at most once per throttle window, announced
 * when they start and when they stop (stop_typing, expiry found by the sweeper, or the typist left).
 */
export function createTypingService({ presence, timings, now = () => new Date() }: TypingServiceDeps) {
  /** Only a socket of the caller that joined the session may type there. */
  async function participantSocket(store: PresenceStore, identity: Identity, input: unknown) {
    if (identity.role === 'service') throw permissionDenied('Only users type');
    const ref = validate(sessionSocketRefSchema, input);
    const sessionId = ref.session_id.toLowerCase();
    await store.lockUser(identity.userId);
    const connection = await store.getConnection(ref.socket_id);
    if (!connection || connection.user_id !== identity.userId || !(await store.isMember(ref.socket_id, sessionId))) {
      throw permissionDenied('Only participants of the session may type in it: join it first');
    }
    return { sessionId, connection };
  }

  return {
    async typing(identity: Identity, input: unknown): Promise<void> {
      await presence.transaction(async (store) => {
        const { sessionId } = await participantSocket(store, identity, input);
        const at = now();
        const current = await store.getTyping(sessionId, identity.userId);
        const live = current !== null && current.expires_at > at;
        // Refreshed less than a throttle window ago: nothing to write, nothing to announce.
        if (live && current.expires_at.getTime() - at.getTime() > timings.typingTtlMs - timings.typingThrottleMs) return;
        await store.saveTyping({ session_id: sessionId, user_id: identity.userId, user_name: identity.name, expires_at: new Date(at.getTime() + timings.typingTtlMs) });
        if (!live) await store.record([typingStarted(sessionId, identity.userId, identity.name)]);
      });
    },

    async stopTyping(identity: Identity, input: unknown): Promise<void> {
      await presence.transaction(async (store) => {
        const { sessionId } = await participantSocket(store, identity, input);
        if (await store.deleteTyping(sessionId, identity.userId)) await store.record([typingStopped(sessionId, identity.userId)]);
      });
    },

    /** Deletes expired indicators and announces each as stopped; answers how many. */
    async sweepExpired(): Promise<number> {
      const at = now();
      return presence.transaction(async (store) => {
        const expired = await store.deleteExpiredTyping(at);
        await store.record(expired.map((row) => typingStopped(row.session_id, row.user_id)));
        return expired.length;
      });
    },
  };
}

export type TypingService = ReturnType<typeof createTypingService>;
