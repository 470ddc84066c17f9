import { readToken } from './token';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object) => `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
const inAnHour = Math.floor(Date.now() / 1000) + 3600;

describe('readToken', () => {
  it('reads who the token names', () => {
    expect(readToken(` ${jwt({ sub: 'u-1', role: 'support', name: 'Ana', exp: inAnHour })} `)).toEqual({ userId: 'u-1', role: 'support', name: 'Ana', exp: inAnHour });
    expect(readToken(jwt({ sub: 'u-2', role: 'customer', exp: inAnHour })).name).toBe('u-2');
    expect(readToken(jwt({ sub: 'u-3', role: 'customer', name: 'Zoë 🍕', exp: inAnHour })).name).toBe('Zoë 🍕');
  });

  it.each([
    ['not a JWT', 'hello', 'three parts'],
    ['unreadable claims', 'a.%%%.c', 'cannot be read'],
    ['missing claims', jwt({ sub: 'u-1', exp: inAnHour }), 'lacks sub, role or exp'],
    ['an expired token', jwt({ sub: 'u-1', role: 'customer', exp: Math.floor(Date.now() / 1000) - 1 }), 'expired'],
  ])('refuses %s with a reason', (_label, token, reason) => {
    expect(() => readToken(token)).toThrow(reason);
  });
});
