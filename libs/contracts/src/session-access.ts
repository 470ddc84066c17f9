import { isStaff, type Identity } from './identity';
import type { ChatSession } from './session';

/** Who may see (and join) a session: its requester, any support agent or admin, and Parley's services (one rule: the session service decides by it, the gateway's session cache too). */
export function canView(identity: Identity, session: ChatSession): boolean {
  if (identity.role === 'service' || isStaff(identity.role)) return true;
  return session.customer_id === identity.userId;
}
