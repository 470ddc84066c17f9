import type { EventBus } from '@parley/bus';
import type { ChatSession, Identity } from '@parley/contracts';
import { sessionLookups, type SessionClient } from '@parley/grpc';
import { CachedSessionDirectory } from './cached-session-directory';
import { invalidateSessionCache } from './session-cache.invalidation';
import type { SessionDirectory } from './session-directory.port';

/**
 * Asks the session service, as the caller, whether the caller may see a session. The look-ups of
 * the whole process leave in batches (one GetSessions call for those that arrive together, each
 * answered for its own caller): a reconnect storm's catch-up reads ask about a thousand sessions
 * at once. `owner` names the asking service, as whom the batch call itself goes.
 */
export function createSessionDirectory(client: SessionClient, owner: string): SessionDirectory {
  const get = sessionLookups(client, { identity: { userId: `${owner}-service`, role: 'service', name: owner } }, `${owner}.get-session`);
  return { get: (identity, sessionId) => get({ identity }, { session_id: sessionId, include_queue_position: false }) };
}

export interface SessionDirectoryOptions {
  client: SessionClient;
  bus: EventBus;
  exchange: string;
  /** The service that holds the cache (names its invalidation queue). */
  owner: string;
  /** How long an allowed answer is reused (0: ask every time). */
  cacheTtlMs: number;
  cacheMaxSessions: number;
}

export interface RunningSessionDirectory {
  directory: SessionDirectory & { fresh?(identity: Identity, sessionId: string): Promise<ChatSession> };
  /** Stops listening for the lifecycle events that keep the cache true. */
  close(): Promise<void>;
}

/**
 * The session service as a service asks it: with a cache of allowed answers kept true by the
 * sessions' lifecycle events when `cacheTtlMs` > 0. Started before the service answers its first
 * call, so no answer is kept that an event has already changed.
 */
export async function startSessionDirectory({ client, bus, exchange, owner, cacheTtlMs, cacheMaxSessions }: SessionDirectoryOptions): Promise<RunningSessionDirectory> {
  const direct = createSessionDirectory(client, owner);
  if (cacheTtlMs <= 0) return { directory: direct, close: async () => undefined };
  const cached = new CachedSessionDirectory(direct, { ttlMs: cacheTtlMs, maxSessions: cacheMaxSessions });
  const invalidation = await invalidateSessionCache(bus, exchange, owner, cached);
  return { directory: cached, close: () => invalidation.close() };
}
