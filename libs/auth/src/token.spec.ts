import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '@parley/errors';
import { createTokenVerifier, signToken } from './token';

const secret = 'test-secret-0123456789';
const verify = createTokenVerifier({ secret });

function rejection(token: unknown): AppError {
  try {
    verify(token);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('token was accepted');
}

describe('token verifier', () => {
  it('accepts a valid HS256 token and reads the identity', () => {
    const token = signToken(secret, { sub: 'u-1', role: 'support', name: 'Ana' });
    expect(verify(token)).toEqual({ userId: 'u-1', role: 'support', name: 'Ana' });
  });

  it('says when the token expires, from the same check', () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = jwt.sign({ sub: 'u-2', role: 'customer', name: 'Bo', exp }, secret);
    expect(verify.withExpiry(token)).toEqual({ identity: { userId: 'u-2', role: 'customer', name: 'Bo' }, expiresAt: exp * 1000 });
    expect(() => verify.withExpiry(signToken('another-secret-0123456789', { sub: 'u', role: 'customer', name: 'x' }))).toThrow(AppError);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['malformed', 'not-a-jwt'],
    ['wrongly signed', signToken('another-secret-0123456789', { sub: 'u', role: 'customer', name: 'x' })],
    ['alg none', jwt.sign({ sub: 'u', role: 'customer', name: 'x', exp: Math.floor(Date.now() / 1000) + 60 }, '', { algorithm: 'none' })],
    ['expired', jwt.sign({ sub: 'u', role: 'customer', name: 'x', exp: Math.floor(Date.now() / 1000) - 10 }, secret)],
    ['without exp', jwt.sign({ sub: 'u', role: 'customer', name: 'x' }, secret)],
    ['with an unknown role', jwt.sign({ sub: 'u', role: 'root', name: 'x' }, secret, { expiresIn: 60 })],
    ['HS512', jwt.sign({ sub: 'u', role: 'customer', name: 'x' }, secret, { algorithm: 'HS512', expiresIn: 60 })],
  ])('refuses a %s token as UNAUTHENTICATED', (_label, token) => {
    expect(rejection(token).code).toBe('UNAUTHENTICATED');
  });

  describe('an HS256 token whose HMAC key is an RSA public key (algorithm confusion, RFC 8725 2.1)', () => {
    const publicPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const confused = (() => {
      const unsigned = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'u', role: 'admin', name: 'Mallory', exp: Math.floor(Date.now() / 1000) + 60 })}`;
      return `${unsigned}.${createHmac('sha256', publicPem).update(unsigned).digest('base64url')}`;
    })();

    it('is refused by the gateway verifier', () => {
      expect(rejection(confused).code).toBe('UNAUTHENTICATED');
    });

    it('is refused even by a verifier misconfigured with that public key as its secret', () => {
      const misconfigured = createTokenVerifier({ secret: publicPem });
      expect(() => misconfigured(confused)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    });
  });

  describe('issuer and audience', () => {
    const strict = createTokenVerifier({ secret, issuer: 'https://platform.example', audience: 'parley' });
    const claims = { sub: 'u-2', role: 'customer' as const, name: 'Cleo' };

    it('accepts a token with the configured iss and aud', () => {
      expect(strict(signToken(secret, claims, 60, { issuer: 'https://platform.example', audience: 'parley' }))).toEqual({ userId: 'u-2', role: 'customer', name: 'Cleo' });
    });

    it.each([
      ['no iss or aud', {}],
      ['another issuer', { issuer: 'https://evil.example', audience: 'parley' }],
      ['another audience', { issuer: 'https://platform.example', audience: 'billing' }],
      ['no audience', { issuer: 'https://platform.example' }],
    ])('refuses a token with %s', (_label, extra) => {
      expect(() => strict(signToken(secret, claims, 60, extra))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    });

    it('ignores iss and aud when none is configured', () => {
      expect(verify(signToken(secret, claims, 60, { issuer: 'anyone', audience: 'anything' })).userId).toBe('u-2');
    });
  });

  it('accepts another HMAC algorithm only when it is configured', () => {
    const hs512 = jwt.sign({ sub: 'u', role: 'customer', name: 'x' }, secret, { algorithm: 'HS512', expiresIn: 60 });
    expect(createTokenVerifier({ secret, algorithms: ['HS256', 'HS512'] })(hs512).userId).toBe('u');
    expect(rejection(hs512).code).toBe('UNAUTHENTICATED');
  });

  it('says when the token has expired', () => {
    const expired = jwt.sign({ sub: 'u', role: 'customer', name: 'x', exp: Math.floor(Date.now() / 1000) - 10 }, secret);
    expect(rejection(expired).message).toBe('The token has expired');
  });

  describe('a token presented again', () => {
    afterEach(() => jest.restoreAllMocks());

    it('is not checked again while it is valid, and each caller gets an identity of its own', () => {
      const remembering = createTokenVerifier({ secret });
      const token = signToken(secret, { sub: 'u-3', role: 'customer', name: 'Dee' });
      const checks = jest.spyOn(jwt, 'verify');
      const first = remembering.withExpiry(token);
      first.identity.name = 'changed by its caller';
      expect(remembering.withExpiry(token)).toEqual({ identity: { userId: 'u-3', role: 'customer', name: 'Dee' }, expiresAt: first.expiresAt });
      expect(checks).toHaveBeenCalledTimes(1);
    });

    it('is refused as expired once its exp has passed', () => {
      const remembering = createTokenVerifier({ secret });
      const exp = Math.floor(Date.now() / 1000) + 60;
      const token = jwt.sign({ sub: 'u-4', role: 'customer', name: 'Eve', exp }, secret);
      expect(remembering(token).userId).toBe('u-4');
      jest.spyOn(Date, 'now').mockReturnValue(exp * 1000);
      expect(() => remembering(token)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'The token has expired' }));
      expect(() => remembering(token)).toThrow(expect.objectContaining({ message: 'The token has expired' }));
    });

    it('is checked every time when it was refused, or when the verifier remembers none', () => {
      const wrong = signToken('another-secret-0123456789', { sub: 'u', role: 'customer', name: 'x' });
      const checks = jest.spyOn(jwt, 'verify');
      expect(rejection(wrong).code).toBe('UNAUTHENTICATED');
      expect(rejection(wrong).code).toBe('UNAUTHENTICATED');
      const forgetful = createTokenVerifier({ secret, rememberTokens: 0 });
      const token = signToken(secret, { sub: 'u-5', role: 'support', name: 'Fay' });
      expect(forgetful(token).userId).toBe('u-5');
      expect(forgetful(token).userId).toBe('u-5');
      expect(checks).toHaveBeenCalledTimes(4);
    });

    it('remembers at most as many tokens as it is told', () => {
      const remembering = createTokenVerifier({ secret, rememberTokens: 2 });
      const tokens = ['a', 'b', 'c'].map((sub) => signToken(secret, { sub, role: 'customer', name: sub }));
      tokens.forEach((token) => remembering(token));
      const checks = jest.spyOn(jwt, 'verify');
      remembering(tokens[2]);
      remembering(tokens[0]);
      expect(checks).toHaveBeenCalledTimes(1);
    });
  });
});
