import type { ChatSession } from '@parley/contracts';
import type { Session, Session__Output } from '../generated/parley/session/v1/Session';

/** Proto messages carry '' for an absent value; clients see null. */
const orNull = (value: string): string | null => (value === '' ? null : value);

export function sessionToProto(session: ChatSession): Session {
  return {
    ...session,
    category: session.category ?? '',
    restaurant_id: session.restaurant_id ?? '',
    ticket_id: session.ticket_id ?? '',
    agent_id: session.agent_id ?? '',
    agent_name: session.agent_name ?? '',
    accepted_at: session.accepted_at ?? '',
    resolved_at: session.resolved_at ?? '',
    closed_at: session.closed_at ?? '',
    queue_position: session.queue_position ?? 0,
  };
}

export function sessionFromProto(proto: Session__Output): ChatSession {
  return {
    id: proto.id,
    subject: proto.subject,
    category: orNull(proto.category),
    priority: proto.priority as ChatSession['priority'],
    status: proto.status as ChatSession['status'],
    customer_id: proto.customer_id,
    customer_role: proto.customer_role as ChatSession['customer_role'],
    customer_name: proto.customer_name,
    restaurant_id: orNull(proto.restaurant_id),
    ticket_id: orNull(proto.ticket_id),
    agent_id: orNull(proto.agent_id),
    agent_name: orNull(proto.agent_name),
    created_at: proto.created_at,
    updated_at: proto.updated_at,
    accepted_at: orNull(proto.accepted_at),
    resolved_at: orNull(proto.resolved_at),
    closed_at: orNull(proto.closed_at),
    ...(proto.queue_position > 0 ? { queue_position: proto.queue_position } : {}),
  };
}
