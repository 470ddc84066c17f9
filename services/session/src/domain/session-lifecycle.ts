import { isRequester, type ChatSession, type Identity, type SessionStatus } from '@parley/contracts';
import { failedPrecondition, permissionDenied } from '@parley/errors';

/**
 * The lifecycle: waiting → active → resolved → closed, plus waiting → closed (withdrawn or
 * dismissed) and resolved → active (reopened). Who may take each step is written down here, once.
 */
export const TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  waiting: ['active', 'closed'],
  active: ['resolved'],
  resolved: ['closed', 'active'],
  closed: [],
};

type Party = 'requester' | 'assigned agent' | 'any agent' | 'admin';

/** Who may move a session from one status to another (waiting → active is accept/assign). */
export const ALLOWED_BY: Record<string, readonly Party[]> = {
  'waiting->active': ['any agent', 'admin'],
  'waiting->closed': ['requester', 'any agent', 'admin'],
  'active->resolved': ['assigned agent', 'admin'],
  'resolved->closed': ['requester', 'assigned agent', 'admin'],
  'resolved->active': ['requester', 'assigned agent', 'admin'],
};

function partiesOf(identity: Identity, session: ChatSession): Set<Party> {
  const parties = new Set<Party>();
  if (identity.role === 'admin') parties.add('admin');
  if (identity.role === 'support') parties.add('any agent');
  if (identity.role === 'support' && session.agent_id === identity.userId) parties.add('assigned agent');
  if (isRequester(identity.role) && session.customer_id === identity.userId) parties.add('requester');
  return parties;
}

/** Throws unless `identity` may move `session` to `to`: FAILED_PRECONDITION for the step, PERMISSION_DENIED for the person. */
export function assertTransition(identity: Identity, session: ChatSession, to: SessionStatus): void {
  if (session.status === to) throw failedPrecondition(`The chat is already ${to}`);
  if (!TRANSITIONS[session.status].includes(to)) {
    const hint = session.status === 'active' && to === 'closed' ? '; resolve it first' : '';
    throw failedPrecondition(`A ${session.status} chat cannot become ${to}${hint}`);
  }
  const allowed = ALLOWED_BY[`${session.status}->${to}`];
  const parties = partiesOf(identity, session);
  if (!allowed.some((party) => parties.has(party))) {
    throw permissionDenied(`Only the ${allowed.join(', ')} may make a ${session.status} chat ${to}`);
  }
}
