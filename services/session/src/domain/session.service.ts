import {
  createEvent,
  createSessionSchema,
  isRequester,
  listSessionsQuerySchema,
  routingKeys,
  sessionIdSchema,
  validate,
  type ChatSession,
  type Identity,
} from '@parley/contracts';
import { notFound, permissionDenied } from '@parley/errors';
import { canView } from './session-access';
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
  limit?: number;
  offset?: number;
}

export function createSessionService({ sessions }: SessionServiceDeps) {
  async function get(identity: Identity, sessionId: string): Promise<ChatSession> {
    validate(sessionIdSchema, sessionId);
    const session = await sessions.get(sessionId);
    if (!session) throw notFound('Session not found');
    if (!canView(identity, session)) throw permissionDenied('You are not a participant of this session');
    return session;
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
      (session) => [createEvent('session.created', routingKeys.session(session.id, 'session.created'), { session, initial_message: input.initial_message ?? null })],
    );
  }

  async function list(identity: Identity, command: ListSessionsCommand): Promise<ChatSession[]> {
    const query = validate(listSessionsQuerySchema, command);
    const staff = identity.role === 'service' || !isRequester(identity.role);
    return sessions.list({ customerId: staff ? undefined : identity.userId, status: query.status, limit: query.limit, offset: query.offset });
  }

  return { get, create, list };
}

export type SessionService = ReturnType<typeof createSessionService>;
