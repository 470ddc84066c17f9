/** Who a token names, read from its claims for display only: the gateway verifies it. */
export interface Me {
  userId: string;
  role: string;
  name: string;
  /** Seconds since the epoch. */
  exp: number;
}

export type Area = 'customer' | 'agent';

/** The roles that may use each part of the app. */
export const AREA_ROLES: Record<Area, readonly string[]> = {
  customer: ['customer', 'restaurant'],
  agent: ['support', 'admin'],
};

/** Reads a JWT's claims; throws an Error with a reason a person can act on. */
export function readToken(token: string): Me {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new Error('That is not a token: a JWT has three parts separated by dots');
  let claims: { sub?: unknown; role?: unknown; name?: unknown; exp?: unknown };
  try {
    const bytes = Uint8Array.from(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    claims = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('That token cannot be read');
  }
  if (typeof claims.sub !== 'string' || typeof claims.role !== 'string' || typeof claims.exp !== 'number') {
    throw new Error('The token lacks sub, role or exp');
  }
  if (claims.exp * 1000 <= Date.now()) throw new Error('The token has expired');
  return { userId: claims.sub, role: claims.role, name: typeof claims.name === 'string' && claims.name ? claims.name : claims.sub, exp: claims.exp };
}

const key = (area: Area) => `parley.token.${area}`;

/** Tokens live in this tab only (sessionStorage): a reload keeps you signed in, a new tab asks again. */
export function storedToken(area: Area): string | null {
  return sessionStorage.getItem(key(area));
}

export function storeToken(area: Area, token: string): void {
  sessionStorage.setItem(key(area), token);
}

export function forgetToken(area: Area): void {
  sessionStorage.removeItem(key(area));
}
