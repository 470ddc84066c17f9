import {
  createSessionSchema,
  isRequester,
  listSessionsQuerySchema,
  sessionIdSchema,
  validate,
  type ChatSession,
  type Identity,
  canView,
} from '@parley/contracts';
import { z } from 'zod';
import { invalidArgument, notFound, permissionDenied } from '@parley/errors';

import { sessionCreated } from './session-events';
import type { SessionRepository } from './session.ports';

export interface SessionServiceDeps {
  sessions: SessionRepository;
}

/** Raw fields as a transport decoded them; validated here, whatever the gateway already checked. */
export interface CreateSessionCommand {
  subject?: string;
  category?: string;
  priority?: string;
  restaurant_id?: string;
  ticket_id?: string;
  initial_message?: string;
}

export interface ListSessionsCommand {
  status?: string;
  assigned?: string;
  limit?: number;
  offset?: number;
}

/** The most sessions one FindSessions call names (a page of search results is at most 50). */
export const GET_MANY_MAX = 200;
const sessionIdsSchema = z.array(sessionIdSchema).max(GET_MANY_MAX, { message: `name at most ${GET_MANY_MAX} sessions` });

export function createSessionService({ sessions }: SessionServiceDeps) {
  /** The session if the caller may see it; with `queuePosition`, a waiting one with its place in the queue. */
  async function get(identity: Identity, sessionId: string, options: { queuePosition?: boolean } = {}): Promise<ChatSession> {
    validate(sessionIdSchema, sessionId);
    const session = await sessions.get(sessionId);
    if (!session) throw notFound('Session not found');
    if (!canView(identity, session)) throw permissionDenied('You are not a participant of this session');
    return options.queuePosition && session.status === 'waiting' ? { ...session, queue_position: await sessions.queuePosition(session) } : session;
  }

  async function create(identity: Identity, command: CreateSessionCommand): Promise<ChatSession> {
    if (!isRequester(identity.role)) throw permissionDenied('Only customers and restaurants open support chats');
    const input = validate(createSessionSchema, command);
    return sessions.create(
      {
        subject: input.subject,
        category: input.category ?? null,
        priority: input.priority,
        customer_id: identity.userId,
        customer_role: identity.role,
        customer_name: identity.name,
        restaurant_id: input.restaurant_id ?? null,
        ticket_id: input.ticket_id ?? null,
      },
      (session, queue) => sessionCreated(session, input.initial_message ?? null, queue),
    );
  }

  async function list(identity: Identity, command: ListSessionsCommand): Promise<ChatSession[]> {
    const query = validate(listSessionsQuerySchema, command);
    const staff = identity.role === 'service' || !isRequester(identity.role);
    if (query.assigned && !staff) throw invalidArgument('assigned=me lists the chats assigned to an agent');
    const list = await sessions.list({
      customerId: staff ? undefined : identity.userId,
      agentId: query.assigned === 'me' ? identity.userId : undefined,
      status: query.status,
      limit: query.limit,
      offset: query.offset,
    });
    // A waiting list is the queue itself: its order is the position.
    return staff && query.status === 'waiting' && !query.assigned ? list.map((s, i) => ({ ...s, queue_position: query.offset + i + 1 })) : list;
  }

  /** Of these sessions, those the caller may see, in the order asked; unknown ones are left out. */
  async function getMany(identity: Identity, sessionIds: unknown): Promise<ChatSession[]> {
    const ids = validate(sessionIdsSchema, sessionIds);
    if (ids.length === 0) return [];
    const found = new Map((await sessions.getMany([...new Set(ids)])).map((s) => [s.id, s]));
    return ids.map((id) => found.get(id)).filter((s): s is ChatSession => s !== undefined && canView(identity, s));
  }

  return { get, create, list, getMany };
}

export type SessionService = ReturnType<typeof createSessionService>;
