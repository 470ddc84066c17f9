import type { EventEnvelope } from '@parley/contracts';

/**
 * The line a lifecycle event adds to the chat's history, so the history tells the story; null for
 * events that add none.
 */
export function systemMessageFor(event: EventEnvelope): string | null {
  switch (event.type) {
    case 'session.accepted': {
      const { by, agent_id, agent_name } = (event as EventEnvelope<'session.accepted'>).data;
      return by.user_id === agent_id ? `${agent_name} accepted the chat` : `${by.name} assigned the chat to ${agent_name}`;
    }
    case 'session.transferred': {
      const { by, from_agent_id, from_agent_name, to_agent_name } = (event as EventEnvelope<'session.transferred'>).data;
      return by.user_id === from_agent_id
        ? `${from_agent_name} transferred the chat to ${to_agent_name}`
        : `${by.name} transferred the chat from ${from_agent_name} to ${to_agent_name}`;
    }
    case 'session.status_changed': {
      const { by, session, previous_status } = (event as EventEnvelope<'session.status_changed'>).data;
      if (session.status === 'resolved') return `${by.name} marked the chat resolved`;
      if (session.status === 'closed') return `${by.name} closed the chat`;
      if (session.status === 'active' && previous_status === 'resolved') return `${by.name} reopened the chat`;
      return null;
    }
    case 'session.requeued': {
      const { from_agent_name, reason } = (event as EventEnvelope<'session.requeued'>).data;
      const why = reason === 'agent_offline' ? `${from_agent_name} went offline` : `${from_agent_name} did not reply in time`;
      return `${why}; the chat is back in the queue`;
    }
    default:
      return null;
  }
}
