import {
  acceptChatSchema,
  assignSessionBodySchema,
  transferSessionBodySchema,
  updateStatusBodySchema,
  validate,
  type ChatSession,
  type Identity,
  type SessionStatus,
} from '@parley/contracts';
import { AppError, failedPrecondition, invalidArgument, permissionDenied } from '@parley/errors';
import { assertTransition } from './session-lifecycle';
import { sessionAccepted, sessionTransferred, statusChanged } from './session-events';
import type { SessionChange, SessionRepository } from './session.ports';

export interface LifecycleDeps {
  sessions: SessionRepository;
  /** The session as the caller may see it (NOT_FOUND / PERMISSION_DENIED otherwise). */
  get(identity: Identity, sessionId: string): Promise<ChatSession>;
}

/** What the lifecycle writes when a status changes: the timestamps that tell the story. */
const STAMPS: Partial<Record<SessionStatus, Pick<SessionChange, 'stamp' | 'clear'>>> = {
  resolved: { stamp: 'resolved_at' },
  closed: { stamp: 'closed_at' },
  active: { clear: 'resolved_at' },
};

/**
 * Accept, assign, transfer and status changes. Every write is guarded by the status (and agent)
 * it was decided on, so of two concurrent changes exactly one wins and the other is told why.
 */
export function createLifecycleService({ sessions, get }: LifecycleDeps) {
  /** A guarded change found the row changed under it: say what it is now (409). */
  async function changedMeanwhile(identity: Identity, sessionId: string): Promise<never> {
    const now = await get(identity, sessionId);
    throw new AppError('ABORTED', `The chat changed meanwhile: it is now ${now.status}${now.agent_name ? ` with ${now.agent_name}` : ''}`);
  }

  /**
   * A chat someone already took: ABORTED naming who has it (a race lost); a chat that is no longer
   * waiting for another reason: FAILED_PRECONDITION, since trying again cannot help.
   */
  function refuseTaken(session: ChatSession): never {
    if (session.status === 'active') throw new AppError('ABORTED', `${session.agent_name ?? 'Another agent'} accepted this chat first`);
    throw failedPrecondition(`Only a waiting chat can be taken; this one is ${session.status}`);
  }

  async function takeWaiting(identity: Identity, session: ChatSession, agent: { id: string; name: string }): Promise<ChatSession> {
    // Taking a chat one already has is answered as done (a retried accept), without a second event.
    if (session.status === 'active' && session.agent_id === agent.id) return session;
    if (session.status !== 'waiting') refuseTaken(session);
    const changed = await sessions.change(
      session.id,
      { expect: { status: 'waiting' }, set: { status: 'active', agent_id: agent.id, agent_name: agent.name }, stamp: 'accepted_at' },
      (updated, queue) => sessionAccepted(updated, identity, queue),
    );
    if (changed) return changed;
    const now = await get(identity, session.id);
    if (now.status === 'active' && now.agent_id === agent.id) return now;
    return refuseTaken(now);
  }

  return {
    /** A support agent takes a waiting chat for themself. */
    async accept(identity: Identity, payload: unknown): Promise<ChatSession> {
      const { session_id } = validate(acceptChatSchema, payload);
      if (identity.role !== 'support') throw permissionDenied('Only support agents accept chats');
      const session = await get(identity, session_id);
      return takeWaiting(identity, session, { id: identity.userId, name: identity.name });
    },

    /** Support assigns a waiting chat to themself; an admin may name any agent. */
    async assign(identity: Identity, sessionId: string, body: unknown): Promise<ChatSession> {
      const input = validate(assignSessionBodySchema, body ?? {});
      if (identity.role !== 'support' && identity.role !== 'admin') throw permissionDenied('Only support and admins assign chats');
      const other = input.agent_id !== undefined && input.agent_id !== identity.userId;
      if (other && identity.role !== 'admin') throw permissionDenied('Only an admin assigns a chat to someone else');
      if (other && !input.agent_name) throw invalidArgument('agent_name: name the agent the chat is assigned to', { field: 'agent_name' });
      const agent = other ? { id: input.agent_id as string, name: input.agent_name as string } : { id: identity.userId, name: identity.name };
      return takeWaiting(identity, await get(identity, sessionId), agent);
    },

    /** The assigned agent or an admin hands an active chat to another agent. */
    async transfer(identity: Identity, sessionId: string, body: unknown): Promise<ChatSession> {
      const to = validate(transferSessionBodySchema, body ?? {});
      const session = await get(identity, sessionId);
      const mine = identity.role === 'support' && session.agent_id === identity.userId;
      if (!mine && identity.role !== 'admin') throw permissionDenied('Only the assigned agent or an admin transfers a chat');
      if (session.status !== 'active') throw failedPrecondition(`Only an active chat can be transferred; this one is ${session.status}`);
      if (to.agent_id === session.agent_id) throw failedPrecondition('The chat is already assigned to that agent');
      const from = { id: session.agent_id as string, name: session.agent_name ?? '' };
      const changed = await sessions.change(
        session.id,
        { expect: { status: 'active', agentId: from.id }, set: { agent_id: to.agent_id, agent_name: to.agent_name } },
        (updated) => sessionTransferred(updated, from, identity),
      );
      return changed ?? changedMeanwhile(identity, session.id);
    },

    /** PATCH status and close_chat: along the lifecycle, by whoever may take that step. */
    async updateStatus(identity: Identity, sessionId: string, body: unknown): Promise<ChatSession> {
      const { status } = validate(updateStatusBodySchema, body ?? {});
      const session = await get(identity, sessionId);
      // waiting → active is taking the chat: the same as accept (support) or assign (admin).
      if (session.status === 'waiting' && status === 'active') {
        assertTransition(identity, session, status);
        return takeWaiting(identity, session, { id: identity.userId, name: identity.name });
      }
      assertTransition(identity, session, status);
      const changed = await sessions.change(
        session.id,
        { expect: { status: session.status }, set: { status }, ...STAMPS[status] },
        (updated, queue) => statusChanged(updated, session.status, identity, queue),
      );
      return changed ?? changedMeanwhile(identity, session.id);
    },
  };
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
