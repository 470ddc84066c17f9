import { ConfigError } from '@parley/config';
import { loadGatewayConfig } from './config';

const required = { JWT_SECRET: 'a-jwt-secret-0123456789', INTERNAL_GRPC_TOKEN: 'an-internal-token-0123' };

function problemWith(env: Record<string, string>): string {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('gateway security settings', () => {
  it('defaults to HS256 only, no iss/aud check, limits in memory and no trusted proxy', () => {
    const config = loadGatewayConfig(required);
    expect([config.JWT_ISSUER, config.JWT_AUDIENCE, config.RATE_LIMIT_REDIS_URL]).toEqual([undefined, undefined, undefined]);
    expect(config).toMatchObject({
      JWT_ALGORITHMS: ['HS256'],
      RATE_LIMIT_SOCKET_EVENTS: 100,
      RATE_LIMIT_USER_EVENTS: 200,
      MAX_CONNECTIONS_PER_USER: 20,
      TRUST_PROXY: 0,
    });
  });

  it('reads an HMAC allowlist, an issuer and an audience', () => {
    expect(loadGatewayConfig({ ...required, JWT_ALGORITHMS: 'HS256, HS512', JWT_ISSUER: 'https://platform.example', JWT_AUDIENCE: 'parley' })).toMatchObject({
      JWT_ALGORITHMS: ['HS256', 'HS512'],
      JWT_ISSUER: 'https://platform.example',
      JWT_AUDIENCE: 'parley',
    });
  });

  it.each(['none', 'RS256', 'HS256,none', ''])('refuses JWT_ALGORITHMS=%j, naming it', (value) => {
    expect(problemWith({ ...required, JWT_ALGORITHMS: value })).toMatch(/JWT_ALGORITHMS/);
  });

  it('stops without INTERNAL_GRPC_TOKEN, or with a short one, naming it', () => {
    expect(problemWith({ JWT_SECRET: required.JWT_SECRET })).toMatch(/INTERNAL_GRPC_TOKEN/);
    expect(problemWith({ ...required, INTERNAL_GRPC_TOKEN: 'short' })).toMatch(/INTERNAL_GRPC_TOKEN: must be at least 16 characters/);
  });

  it.each(['RATE_LIMIT_USER_EVENTS', 'MAX_CONNECTIONS_PER_USER', 'RATE_LIMIT_REST_PER_IP'])('refuses %s=0', (key) => {
    expect(problemWith({ ...required, [key]: '0' })).toMatch(new RegExp(key));
  });
});
