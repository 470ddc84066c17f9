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
  /** Only the sessions assigned to this agent. */
  agentId?: string;
  status?: SessionStatus;
  limit: number;
  offset: number;
}

/** The waiting queue as a change left it, read in the change's transaction. */
export interface QueueSnapshot {
  version: number;
  waiting: string[];
  total: number;
}

/** A guarded update: applied only while the row still matches `expect`, so concurrent changes cannot both win. */
export interface SessionChange {
  expect: { status: SessionStatus; agentId?: string };
  set: { status?: SessionStatus; agent_id?: string | null; agent_name?: string | null };
  /** The lifecycle timestamp this change sets to now, or clears (a reopen clears resolved_at, a requeue accepted_at). */
  stamp?: 'accepted_at' | 'resolved_at' | 'closed_at';
  clear?: 'resolved_at' | 'accepted_at';
}

/** What the session domain needs from storage. The events commit with the state, or neither does. */
export interface SessionRepository {
  get(id: string): Promise<ChatSession | null>;
  /** The sessions of these ids that exist, in no particular order. */
  getMany(ids: string[]): Promise<ChatSession[]>;
  list(filter: SessionListFilter): Promise<ChatSession[]>;
  create(session: NewSession, eventsFor: (created: ChatSession, queue: QueueSnapshot) => EventEnvelope[]): Promise<ChatSession>;
  /** The changed session, or null when it no longer matched (someone else changed it first). */
  change(id: string, change: SessionChange, eventsFor: (changed: ChatSession, queue: QueueSnapshot | null) => EventEnvelope[]): Promise<ChatSession | null>;
  /** 1 for the next waiting session to be taken. */
  queuePosition(session: ChatSession): Promise<number>;
}
