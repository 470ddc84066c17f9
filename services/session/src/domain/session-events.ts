import { createEvent, routingKeys, type Actor, type ChatSession, type ChatRatedEvent, type EventEnvelope, type Identity, type RequeueReason, type Workload } from '@parley/contracts';
import type { QueueSnapshot } from './session.ports';

export const actorOf = (identity: Identity): Actor => ({ user_id: identity.userId, role: identity.role, name: identity.name });

/** queue.changed for every gateway (agents' queue views, customers' queue positions). */
export function queueChanged(queue: QueueSnapshot | null): EventEnvelope[] {
  return queue ? [createEvent('queue.changed', routingKeys.agents('queue.changed'), queue)] : [];
}

export function sessionCreated(session: ChatSession, initialMessage: string | null, queue: QueueSnapshot): EventEnvelope[] {
  return [createEvent('session.created', routingKeys.session(session.id, 'session.created'), { session, initial_message: initialMessage }), ...queueChanged(queue)];
}

export function sessionAccepted(session: ChatSession, by: Identity, queue: QueueSnapshot | null): EventEnvelope[] {
  const data = { session, agent_id: session.agent_id as string, agent_name: session.agent_name as string, by: actorOf(by) };
  return [createEvent('session.accepted', routingKeys.session(session.id, 'session.accepted'), data), ...queueChanged(queue)];
}

export function sessionTransferred(session: ChatSession, from: { id: string; name: string }, by: Identity): EventEnvelope[] {
  const data = {
    session,
    from_agent_id: from.id,
    from_agent_name: from.name,
    to_agent_id: session.agent_id as string,
    to_agent_name: session.agent_name as string,
    by: actorOf(by),
  };
  return [createEvent('session.transferred', routingKeys.session(session.id, 'session.transferred'), data)];
}

export function statusChanged(session: ChatSession, previous: ChatSession['status'], by: Identity, queue: QueueSnapshot | null): EventEnvelope[] {
  const data = { session, previous_status: previous, by: actorOf(by) };
  return [createEvent('session.status_changed', routingKeys.session(session.id, 'session.status_changed'), data), ...queueChanged(queue)];
}

/** The chat waits again because its agent left it unanswered; Parley did it. */
export function sessionRequeued(session: ChatSession, from: { id: string; name: string }, reason: RequeueReason, by: Identity, queue: QueueSnapshot | null): EventEnvelope[] {
  const data = { session, from_agent_id: from.id, from_agent_name: from.name, reason, by: actorOf(by) };
  return [createEvent('session.requeued', routingKeys.session(session.id, 'session.requeued'), data), ...queueChanged(queue)];
}

/** The queue and every agent's load as a change left them: the supervisors' live view. */
export function workloadChanged(workload: Workload): EventEnvelope {
  return createEvent('workload.changed', routingKeys.admins('workload.changed'), workload);
}

/** The requester rated the chat. */
export function sessionRated(rated: ChatRatedEvent): EventEnvelope[] {
  return [createEvent('session.rated', routingKeys.session(rated.session_id, 'session.rated'), rated)];
}
