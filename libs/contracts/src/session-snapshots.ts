import type { EventEnvelope, EventType } from './events';
import type { ChatSession } from './session';

/** The lifecycle events that carry a session as it now stands. */
const CARRY_SESSION: ReadonlySet<EventType> = new Set(['session.created', 'session.accepted', 'session.transferred', 'session.status_changed', 'session.requeued']);

/** The session a lifecycle event carries as it stands after the change; undefined for events that carry none. */
export function sessionCarriedBy(event: EventEnvelope): ChatSession | undefined {
  return CARRY_SESSION.has(event.type) ? (event.data as { session: ChatSession }).session : undefined;
}

/** A session as a cache holds it: without its place in the queue, which changes without an event of the session's own. */
export function withoutQueuePosition(session: ChatSession): ChatSession {
  if (session.queue_position === undefined) return session;
  const copy = { ...session };
  delete copy.queue_position;
  return copy;
}

/** Whether `held` is at least as new as `incoming` (by `updated_at`): then `incoming` tells a cache nothing newer. */
export const heldIsCurrent = (held: ChatSession, incoming: ChatSession): boolean => Date.parse(held.updated_at) >= Date.parse(incoming.updated_at);
