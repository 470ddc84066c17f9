/** The platform's user roles, as its JWTs carry them in the `role` claim. */
export const ROLES = ['customer', 'restaurant', 'support', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a verified user, or one of Parley's own services acting on its own behalf. */
export interface Identity {
  userId: string;
  role: Role | 'service';
  name: string;
}

export const isStaff = (role: Identity['role']): boolean => role === 'support' || role === 'admin';
export const isRequester = (role: Identity['role']): role is 'customer' | 'restaurant' =>
  role === 'customer' || role === 'restaurant';
