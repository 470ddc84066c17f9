import { ConfigError } from '@parley/config';
import { loadGatewayConfig, sendBoundsOf } from './config';

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

describe('the listen backlog', () => {
  it('defaults to 4096 and reads LISTEN_BACKLOG', () => {
    expect(loadGatewayConfig(required).LISTEN_BACKLOG).toBe(4096);
    expect(loadGatewayConfig({ ...required, LISTEN_BACKLOG: '1024' }).LISTEN_BACKLOG).toBe(1024);
  });

  it.each(['0', '70000', 'many'])('refuses LISTEN_BACKLOG=%j, naming it', (value) => {
    expect(problemWith({ ...required, LISTEN_BACKLOG: value })).toMatch(/LISTEN_BACKLOG/);
  });
});

describe('WebSocket handshakes begun per turn', () => {
  it('defaults to 32 and reads WS_HANDSHAKES_PER_TURN', () => {
    expect(loadGatewayConfig(required).WS_HANDSHAKES_PER_TURN).toBe(32);
    expect(loadGatewayConfig({ ...required, WS_HANDSHAKES_PER_TURN: '8' }).WS_HANDSHAKES_PER_TURN).toBe(8);
  });

  it.each(['0', '-1', '2.5', 'all'])('refuses WS_HANDSHAKES_PER_TURN=%j, naming it', (value) => {
    expect(problemWith({ ...required, WS_HANDSHAKES_PER_TURN: value })).toMatch(/WS_HANDSHAKES_PER_TURN/);
  });
});

describe('bounds on unanswered sends', () => {
  it('defaults to 64 per socket, 256 per gateway and a 1 s retry hint', () => {
    expect(sendBoundsOf(loadGatewayConfig(required))).toEqual({ perSocket: 64, perGateway: 256, retryAfterMs: 1000 });
  });

  it('reads MAX_SENDS_IN_FLIGHT_PER_SOCKET, MAX_SENDS_IN_FLIGHT and SEND_RETRY_AFTER_MS', () => {
    const config = loadGatewayConfig({ ...required, MAX_SENDS_IN_FLIGHT_PER_SOCKET: '4', MAX_SENDS_IN_FLIGHT: '500', SEND_RETRY_AFTER_MS: '250' });
    expect(sendBoundsOf(config)).toEqual({ perSocket: 4, perGateway: 500, retryAfterMs: 250 });
  });

  it.each([
    ['MAX_SENDS_IN_FLIGHT_PER_SOCKET', '0'],
    ['MAX_SENDS_IN_FLIGHT', '0'],
    ['MAX_SENDS_IN_FLIGHT', 'many'],
    ['SEND_RETRY_AFTER_MS', '0'],
    ['SEND_RETRY_AFTER_MS', '1.5'],
  ])('refuses %s=%j, naming it', (key, value) => {
    expect(problemWith({ ...required, [key]: value })).toMatch(new RegExp(key));
  });
});
