import { randomUUID } from 'node:crypto';
import type { ChatMessage } from './message';
import type { ChatSession } from './session';
import type { QueueChangedPayload, SessionAcceptedPayload, SessionStatusChangedPayload, SessionTransferredPayload } from './lifecycle';
import type { Participant } from './socket-payloads';
import type { AvailabilityChangedEvent, SessionRequeuedPayload } from './availability';
import type { ChatRatedEvent } from './ratings';
import type { AgentRoster, Workload } from './reports';

/**
 * Internal events, as they travel on the bus (RabbitMQ topic exchange or the in-process bus).
 * Names are dotted and past tense; the routing key names the audience, then the event.
 */
export interface EventPayloads {
  'message.created': { message: ChatMessage };
  /** A new chat; `initial_message`, when given, is stored by the message service as message 1. */
  'session.created': { session: ChatSession; initial_message: string | null };
  'session.accepted': SessionAcceptedPayload;
  'session.transferred': SessionTransferredPayload;
  'session.status_changed': SessionStatusChangedPayload;
  'session.requeued': SessionRequeuedPayload;
  'queue.changed': QueueChangedPayload;
  /** The requester rated the chat once it ended (session service). */
  'session.rated': ChatRatedEvent;
  /** The queue or an agent's load changed: both as they are now (session service; to admins). */
  'workload.changed': Workload;
  /** A support agent came online, went offline or changed availability: every agent's state (presence service; to admins). */
  'agent.roster_changed': AgentRoster;
  /** A support agent became available or went away (presence service). */
  'agent.availability_changed': AvailabilityChangedEvent;
  /** A user's first connection entered the session (presence service). */
  'user.joined': { session_id: string; user: Participant };
  /** A user's last connection left the session: left, closed the tab, or its gateway died. */
  'user.left': { session_id: string; user_id: string; role: string };
  /** A user started typing (repeats within the throttle window are not announced again). */
  'typing.started': { session_id: string; user_id: string; user_name: string };
  /** A user stopped typing: stop_typing, expiry, or the typist vanished. */
  'typing.stopped': { session_id: string; user_id: string };
  /** A user read messages of a session (message service); `message_ids` are the newly read ones. */
  'messages.read': { session_id: string; user_id: string; message_ids: string[] };
}
export type EventType = keyof EventPayloads;

export interface EventEnvelope<T extends EventType = EventType> {
  /** Unique per event; receivers drop an id they have already handled (delivery is at least once). */
  id: string;
  type: T;
  routing_key: string;
  occurred_at: string;
  data: EventPayloads[T];
  /** The request that caused the event, when one did (logs correlate by it). */
  request_id?: string;
}

/** Routing keys: `session.<id>.<event>`, `user.<id>.<event>`, `agents.<event>`. */
export const routingKeys = {
  session: (sessionId: string, type: EventType) => `session.${sessionId}.${type}`,
  user: (userId: string, type: EventType) => `user.${userId}.${type}`,
  agents: (type: EventType) => `agents.${type}`,
  /** What only admins watch (the supervisor's live figures): bound while a gateway has admins connected. */
  admins: (type: EventType) => `admins.${type}`,
  /** Patterns a gateway binds while it has sockets in a room. */
  sessionPattern: (sessionId: string) => `session.${sessionId}.#`,
  userPattern: (userId: string) => `user.${userId}.#`,
  agentsPattern: () => 'agents.#',
  adminsPattern: () => 'admins.#',
  /** Every session's lifecycle events (created, accepted, closed, …): the agents' live feed. */
  lifecyclePattern: () => 'session.*.session.#',
};

/**
 * What a consumer may ask the broker to filter on besides the routing key (which names the
 * audience, not the content): sent as AMQP headers, so the broker drops what a queue does not want
 * before any consumer wakes for it. `has_attachments`: a message that carries files (the attachment
 * service links only those).
 */
export type EventTrait = 'has_attachments';

export function traitsOf(event: EventEnvelope): EventTrait[] {
  if (event.type !== 'message.created') return [];
  return ((event as EventEnvelope<'message.created'>).data.message.attachments?.length ?? 0) > 0 ? ['has_attachments'] : [];
}

/**
 * A new event envelope with a fresh id; `requestId`, the request that caused it (the caller's
 * `Identity.requestId`), follows it to the gateways' logs (docs/operations.md).
 */
export function createEvent<T extends EventType>(type: T, routingKey: string, data: EventPayloads[T], requestId?: string): EventEnvelope<T> {
  return { id: randomUUID(), type, routing_key: routingKey, occurred_at: new Date().toISOString(), data, ...(requestId ? { request_id: requestId } : {}) };
}
