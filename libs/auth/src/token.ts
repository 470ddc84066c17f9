import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { ROLES, type Identity } from '@parley/contracts';
import { unauthenticated } from '@parley/errors';

const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  role: z.enum(ROLES),
  name: z.string().max(200).default(''),
  exp: z.number(),
});

/** The HMAC algorithms a shared secret can verify; anything else (RS*, ES*, `none`) is never accepted. */
export const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
export type HmacAlgorithm = (typeof HMAC_ALGORITHMS)[number];

export interface TokenVerifierOptions {
  secret: string;
  /** Accepted algorithms; HS256 only unless configured otherwise (JWT_ALGORITHMS). */
  algorithms?: readonly HmacAlgorithm[];
  /** When set, the token's `iss` must be this (JWT_ISSUER). */
  issuer?: string;
  /** When set, the token's `aud` must include this (JWT_AUDIENCE). */
  audience?: string;
  /** Tokens that passed, remembered so that the same token presented again is not checked again (0: none). */
  rememberTokens?: number;
}

/** Tokens a verifier remembers by default: a reconnecting client presents the one it had. */
export const REMEMBERED_TOKENS = 10_000;

/**
 * Verifies a platform JWT and returns who it names; anything wrong is UNAUTHENTICATED. Follows
 * RFC 8725: an explicit algorithm allowlist of HMAC algorithms only (so neither `none` nor a
 * public key used as an HMAC secret can pass), `exp` required, `iss`/`aud` checked when configured.
 */
export function createTokenVerifier({ secret, algorithms = ['HS256'], issuer, audience, rememberTokens = REMEMBERED_TOKENS }: TokenVerifierOptions) {
  const allowed = algorithms.filter((a): a is HmacAlgorithm => (HMAC_ALGORITHMS as readonly string[]).includes(a));
  if (allowed.length === 0) throw new Error('At least one HMAC algorithm (HS256, HS384, HS512) must be allowed');
  const options: jwt.VerifyOptions = { algorithms: allowed, ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}) };
  const key = verificationKey(secret);
  const check = (token: string): VerifiedToken => {
    let payload: unknown;
    try {
      payload = jwt.verify(token, key, options);
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw unauthenticated('The token has expired');
      throw unauthenticated('The token is invalid');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated('The token lacks sub, role, name or exp');
    return { identity: { userId: claims.data.sub, role: claims.data.role, name: claims.data.name || claims.data.sub }, expiresAt: claims.data.exp * 1000 };
  };
  // The same string under the same key and options verifies the same way; only its expiry moves.
  const passed = rememberTokens > 0 ? new LRUCache<string, VerifiedToken>({ max: rememberTokens }) : undefined;
  const withExpiry = (token: unknown): VerifiedToken => {
    if (typeof token !== 'string' || token.length === 0) throw unauthenticated('A token is required');
    let verified = passed?.get(token);
    if (!verified) {
      verified = check(token);
      passed?.set(token, verified);
    } else if (Date.now() >= verified.expiresAt) {
      // As jsonwebtoken decides it: expired from the second `exp` names.
      passed?.delete(token);
      throw unauthenticated('The token has expired');
    }
    return { identity: { ...verified.identity }, expiresAt: verified.expiresAt };
  };
  const verifier: TokenVerifier = Object.assign((token: unknown) => withExpiry(token).identity, { withExpiry });
  return verifier;
}

/** A token that passed, with when it expires (ms since the epoch). */
export interface VerifiedToken {
  identity: Identity;
  expiresAt: number;
}

/** Who a token names; `withExpiry` also says when it expires (a socket is closed then), from the same check. */
export interface TokenVerifier {
  (token: unknown): Identity;
  withExpiry(token: unknown): VerifiedToken;
}

/** Mints a token the way the platform does (for development, tests and the benchmark). */
export function signToken(
  secret: string,
  claims: { sub: string; role: Identity['role']; name: string },
  expiresInSeconds = 3600,
  extra: { issuer?: string; audience?: string } = {},
): string {
  return jwt.sign({ role: claims.role, name: claims.name }, secret, { algorithm: 'HS256', subject: claims.sub, expiresIn: expiresInSeconds, ...extra });
}

/**
 * The key jsonwebtoken would make of the secret on every call (a public key if the secret parses as
 * one, which no HMAC algorithm then accepts; otherwise an HMAC secret), made once: making it per
 * call costs a failed public-key parse and its exception for each handshake.
 */
function verificationKey(secret: string): KeyObject {
  try {
    return createPublicKey(secret);
  } catch {
    return createSecretKey(Buffer.from(secret));
  }
}
