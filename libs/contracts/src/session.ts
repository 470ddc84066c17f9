export const SESSION_STATUSES = ['waiting', 'active', 'resolved', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A chat session as clients see it (docs/api.md; a `chat_sessions` row, snake_case on the wire). */
export interface ChatSession {
  id: string;
  subject: string;
  category: string | null;
  priority: Priority;
  status: SessionStatus;
  customer_id: string;
  customer_role: 'customer' | 'restaurant';
  customer_name: string;
  restaurant_id: string | null;
  ticket_id: string | null;
  agent_id: string | null;
  agent_name: string | null;
  created_at: string;
  updated_at: string;
  accepted_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  /** For a waiting session, where it stands in the queue (1 is next), when the answer computed it. */
  queue_position?: number;
}

/** A session with what the caller has not read yet, as the REST list and detail return it. */
export interface ChatSessionView extends ChatSession {
  unread_count: number;
  last_message: import('./message').ChatMessage | null;
  /** The detail (GET /sessions/:id) only: the requester's rating once given, else null. */
  rating?: import('./ratings').SessionRating | null;
}
