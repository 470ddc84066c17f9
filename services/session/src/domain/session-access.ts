import { isStaff, type ChatSession, type Identity } from '@parley/contracts';

/** Who may see (and join) a session: its requester, any support agent or admin, and Parley's services. */
export function canView(identity: Identity, session: ChatSession): boolean {
  if (identity.role === 'service' || isStaff(identity.role)) return true;
  return session.customer_id === identity.userId;
}
