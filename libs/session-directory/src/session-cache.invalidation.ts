import { randomUUID } from 'node:crypto';
import type { EventBus, Subscription } from '@parley/bus';
import { routingKeys, sessionCarriedBy, type EventEnvelope } from '@parley/contracts';
import type { CachedSessionDirectory } from './cached-session-directory';

/** The session any other lifecycle event is about (a rating). */
const sessionIdOf = (event: EventEnvelope): string | undefined => (event.data as { session_id?: string }).session_id;

/**
 * Keeps this instance's session cache true: every lifecycle event replaces its session with the
 * one the event carries (or drops it, when the event carries none), on a queue of
 * this process's own (each instance holds its own cache, so a shared queue would tell only one of
 * them), named after the service that owns it (`owner`). After a broker outage the events of the
 * gap are gone, so the whole cache goes.
 */
export async function invalidateSessionCache(bus: EventBus, exchange: string, owner: string, cache: CachedSessionDirectory): Promise<Subscription> {
  const subscription = await bus.subscribe(
    { queue: `${exchange}.${owner}.session-cache.${randomUUID()}`, exclusive: true, patterns: [routingKeys.lifecyclePattern()] },
    (event) => {
      const session = sessionCarriedBy(event);
      if (session) return cache.learn(session);
      const sessionId = sessionIdOf(event);
      if (sessionId) cache.forget(sessionId);
    },
  );
  subscription.onReestablished(() => cache.clear());
  return subscription;
}
