import pino from 'pino';
import { io } from 'socket.io-client';
import type { ChatSessionView } from '@parley/contracts';
import { api, connectClient, connectionRefusal, eventually, request, testUser, waitFor, type ClientSocket, type TestUser } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { createGatewayLimits, DEFAULT_RATE_LIMITS } from './gateway-limits';
import type { RateLimitSettings } from './rate-limiters';

/**
 * The limits on one gateway (memory store): a client over a limit is told RESOURCE_EXHAUSTED (429
 * on REST), what it asked for does not happen, and everybody else carries on.
 */
describe('rate limits and the connection cap', () => {
  const logger = pino({ level: 'silent' });
  const sockets: ClientSocket[] = [];
  let gw: TestGateway;
  const start = async (settings: Partial<RateLimitSettings>) => {
    const limits = createGatewayLimits({ settings: { ...DEFAULT_RATE_LIMITS, ...settings }, trustedProxies: 1, keyPrefix: 'spec', gatewayId: 'gw-spec', logger });
    gw = await startTestGateway(undefined, [], {}, limits);
    const close = gw.close;
    gw.close = async () => {
      await close();
      await limits.close();
    };
  };
  const connect = async (user: TestUser) => {
    const socket = await connectClient(gw.url, user.token);
    sockets.push(socket);
    return socket;
  };
  const openSession = async (user: TestUser): Promise<ChatSessionView> => {
    const chat = await gw.backend.sessionsApi.create({ identity: { userId: user.id, role: user.role, name: user.name } }, { subject: 'Limits', priority: 'low' });
    return { ...chat, unread_count: 0, last_message: null };
  };
  const contents = (sessionId: string) => gw.backend.messages.filter((m) => m.session_id === sessionId).map((m) => m.content);

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await gw?.close();
  });

  it('refuses the events one socket sends over its limit, stores none of them, and lets another user go on', async () => {
    await start({ socketEvents: 3, userEvents: 1000 });
    const flooder = testUser('customer', 'Flo');
    const calm = testUser('customer', 'Cal');
    const [floodSession, calmSession] = [await openSession(flooder), await openSession(calm)];
    const socket = await connect(flooder);
    for (let i = 1; i <= 3; i += 1) expect((await request(socket, 'send_message', { session_id: floodSession.id, content: `m${i}`, temp_id: `t${i}` })).ok).toBe(true);
    const errorEvent = waitFor<{ code: string; event: string; temp_id?: string }>(socket, 'error');
    const refused = await request(socket, 'send_message', { session_id: floodSession.id, content: 'one too many', temp_id: 't4' });
    expect(refused).toEqual({ ok: false, error: { code: 'RESOURCE_EXHAUSTED', message: expect.stringMatching(/^Too many events; try again in \d+ s$/), event: 'send_message', temp_id: 't4' } });
    expect(await errorEvent).toMatchObject({ code: 'RESOURCE_EXHAUSTED', event: 'send_message', temp_id: 't4' });
    expect(contents(floodSession.id)).toEqual(['m1', 'm2', 'm3']);

    const other = await connect(calm);
    expect((await request(other, 'send_message', { session_id: calmSession.id, content: 'still fine' })).ok).toBe(true);
    expect(contents(calmSession.id)).toEqual(['still fine']);
  });

  it("counts a user's events over all their sockets", async () => {
    await start({ socketEvents: 1000, userEvents: 4 });
    const user = testUser('customer', 'Two Tabs');
    const session = await openSession(user);
    const [tabA, tabB] = [await connect(user), await connect(user)];
    const answers = [];
    for (let i = 1; i <= 5; i += 1) answers.push(await request(i % 2 ? tabA : tabB, 'send_message', { session_id: session.id, content: `m${i}` }));
    expect(answers.map((a) => (a.ok ? 'ok' : a.error?.code))).toEqual(['ok', 'ok', 'ok', 'ok', 'RESOURCE_EXHAUSTED']);
    expect(contents(session.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
    const other = testUser('customer', 'Other');
    expect((await request(await connect(other), 'send_message', { session_id: (await openSession(other)).id, content: 'hi' })).ok).toBe(true);
  });

  it('caps the open sockets of one user, and frees a place when one closes', async () => {
    await start({ connectionsPerUser: 2 });
    const user = testUser('customer', 'Many Tabs');
    const first = await connect(user);
    await connect(user);
    expect(await connectionRefusal(gw.url, user.token)).toEqual({ code: 'RESOURCE_EXHAUSTED', message: 'Too many open connections for this user; close one first' });
    await connect(testUser('customer', 'Someone Else'));
    first.close();
    // The server learns of the close a moment later; then the place is free.
    await eventually(async () => expect((await connect(user)).connected).toBe(true), 3000);
  });

  const connectFrom = (ip: string, user: TestUser) =>
    new Promise<{ ok: true } | { ok: false; code?: string }>((resolve) => {
      const socket = io(gw.url, { auth: { token: user.token }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'x-forwarded-for': ip } });
      socket.once('connect', () => {
        sockets.push(socket);
        resolve({ ok: true });
      });
      socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
        socket.close();
        resolve({ ok: false, code: error.data?.code });
      });
    });

  it('limits connection attempts per client IP, failed ones included, behind a trusted proxy', async () => {
    await start({ connectAttempts: 3 });
    const user = testUser('customer', 'Dialer');
    expect(await connectFrom('203.0.113.7', user)).toEqual({ ok: true });
    expect(await connectFrom('203.0.113.7', testUser('customer', 'x', 'a-wrong-secret-0123456789'))).toEqual({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await connectFrom('203.0.113.7', user)).toEqual({ ok: true });
    expect(await connectFrom('203.0.113.7', user)).toEqual({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    expect(await connectFrom('198.51.100.9', user)).toEqual({ ok: true });
  });

  it('answers REST over the per-IP limit with 429, Retry-After and the error envelope; other IPs go on', async () => {
    await start({ restRequests: 2 });
    const user = testUser('customer', 'Curl');
    const from = (ip: string) => ({ token: user.token, headers: { 'x-forwarded-for': ip } });
    expect((await api(gw.url, 'GET', '/api/v1/chat/sessions', from('203.0.113.8'))).status).toBe(200);
    expect((await api(gw.url, 'POST', '/api/v1/chat/sessions', { ...from('203.0.113.8'), body: { subject: 'ok' } })).status).toBe(201);
    const before = gw.backend.messages.length;
    const response = await fetch(`${gw.url}/api/v1/chat/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.8' },
      body: JSON.stringify({ subject: 'over the limit', initial_message: 'no' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ success: false, error: { code: 'RESOURCE_EXHAUSTED', message: expect.stringMatching(/^Too many requests; try again in \d+ s$/) } });
    expect(gw.backend.messages.length).toBe(before);
    expect((await api(gw.url, 'GET', '/api/v1/chat/sessions', from('198.51.100.10'))).status).toBe(200);
  });
});

describe('limits while the shared store (Redis) is unreachable', () => {
  it('keeps limiting with the in-memory insurance, and lets connections in', async () => {
    const limits = createGatewayLimits({
      settings: { ...DEFAULT_RATE_LIMITS, userEvents: 2, connectionsPerUser: 1 },
      trustedProxies: 0,
      redisUrl: 'redis://127.0.0.1:1',
      keyPrefix: 'spec-down',
      gatewayId: 'gw-down',
      logger: pino({ level: 'silent' }),
    });
    try {
      const verdicts = [await limits.rates.userEvents.take('u-1'), await limits.rates.userEvents.take('u-1'), await limits.rates.userEvents.take('u-1')];
      expect(verdicts.map((v) => v.allowed)).toEqual([true, true, false]);
      expect((await limits.rates.userEvents.take('u-2')).allowed).toBe(true);
      expect(await limits.connections.acquire('u-1', 's-1')).toBe(true);
    } finally {
      await limits.close();
    }
  });
});
