/** The platform's user roles, as its JWTs carry them in the `role` claim. */
export const ROLES = ['customer', 'restaurant', 'support', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a verified user, or one of Parley's own services acting on its own behalf. */
export interface Identity {
  userId: string;
  role: Role | 'service';
  name: string;
  /**
   * The request this identity acts in, when it acts in one (a socket event, a REST call): passed
   * explicitly from the gateway through every service call and onto the events it causes, rather
   * than carried by AsyncLocalStorage (whose promise hooks would cost every promise of a process).
   */
  requestId?: string;
}

/** The roles that work the queue (agents and admins). */
export const STAFF_ROLES: readonly Identity['role'][] = ['support', 'admin'];
export const isStaff = (role: Identity['role']): boolean => STAFF_ROLES.includes(role);
export const isRequester = (role: Identity['role']): role is 'customer' | 'restaurant' =>
  role === 'customer' || role === 'restaurant';
