import type { ChatSession, EventEnvelope, Priority, SessionStatus } from '@parley/contracts';

export interface NewSession {
  subject: string;
  category: string | null;
  priority: Priority;
  customer_id: string;
  customer_role: 'customer' | 'restaurant';
  customer_name: string;
  restaurant_id: string | null;
  ticket_id: string | null;
}

export interface SessionListFilter {
  /** Only this requester's sessions; all sessions when absent (staff). */
  customerId?: string;
  status?: SessionStatus;
  limit: number;
  offset: number;
}

/** What the session domain needs from storage. The events commit with the state, or neither does. */
export interface SessionRepository {
  get(id: string): Promise<ChatSession | null>;
  list(filter: SessionListFilter): Promise<ChatSession[]>;
  create(session: NewSession, eventsFor: (created: ChatSession) => EventEnvelope[]): Promise<ChatSession>;
}
