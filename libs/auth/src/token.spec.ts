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

  it('says when the token has expired', () => {
    const expired = jwt.sign({ sub: 'u', role: 'customer', name: 'x', exp: Math.floor(Date.now() / 1000) - 10 }, secret);
    expect(rejection(expired).message).toBe('The token has expired');
  });
});
