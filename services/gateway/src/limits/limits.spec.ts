import pino from 'pino';
import { io } from 'socket.io-client';
import type { ChatSessionView } from '@parley/contracts';
import { api, connectClient, connectionRefusal, eventually, request, testUser, waitFor, type ClientSocket, type TestUser } from '@parley/testing';
import { AppError } from '@parley/errors';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { createGatewayLimits, DEFAULT_RATE_LIMITS, DEFAULT_SEND_BOUNDS, type SendBoundSettings } from './gateway-limits';
import type { RateLimitSettings } from './rate-limiters';

/**
 * The limits on one gateway (memory store): a client over a limit is told RESOURCE_EXHAUSTED (429
 * on REST), what it asked for does not happen, and everybody else carries on.
 */
describe('rate limits and the connection cap', () => {
  const logger = pino({ level: 'silent' });
  const sockets: ClientSocket[] = [];
  let gw: TestGateway;
  const start = async (settings: Partial<RateLimitSettings>, sendBounds: Partial<SendBoundSettings> = {}, joinsInFlight?: number) => {
    const limits = createGatewayLimits({
      settings: { ...DEFAULT_RATE_LIMITS, ...settings },
      sendBounds: { ...DEFAULT_SEND_BOUNDS, ...sendBounds },
      joinsInFlight,
      trustedProxies: 1,
      keyPrefix: 'spec',
      gatewayId: 'gw-spec',
      logger,
    });
    gw = await startTestGateway(undefined, [], {}, { limits });
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
  /** A customer with a chat of their own and one socket. */
  const customerInChat = async (name: string) => {
    const user = testUser('customer', name);
    return { session: await openSession(user), socket: await connect(user) };
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
    expect(refused).toEqual({
      ok: false,
      error: { code: 'RESOURCE_EXHAUSTED', message: expect.stringMatching(/^Too many events; try again in \d+ s$/), event: 'send_message', temp_id: 't4', retry_after_ms: expect.any(Number) },
    });
    expect(refused.error?.retry_after_ms).toBeGreaterThan(0);
    expect(await errorEvent).toMatchObject({ code: 'RESOURCE_EXHAUSTED', event: 'send_message', temp_id: 't4' });
    expect(contents(floodSession.id)).toEqual(['m1', 'm2', 'm3']);

    const other = await connect(calm);
    expect((await request(other, 'send_message', { session_id: calmSession.id, content: 'still fine' })).ok).toBe(true);
    expect(contents(calmSession.id)).toEqual(['still fine']);
  });

  it('decides a burst sent at once event by event: the admitted keep their order, the refused never reach a handler', async () => {
    await start({ socketEvents: 4, userEvents: 1000 });
    const { session, socket } = await customerInChat('Burst');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => request(socket, 'send_message', { session_id: session.id, content: `b${i}`, temp_id: `b${i}` })));
    expect(answers.map((a) => (a.ok ? 'ok' : a.error?.code))).toEqual([...Array(4).fill('ok'), ...Array(6).fill('RESOURCE_EXHAUSTED')]);
    expect(contents(session.id)).toEqual(['b0', 'b1', 'b2', 'b3']);
    expect(gw.backend.calls.filter((call) => call === 'messages.send')).toHaveLength(4);
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
  describe('sends waiting for an answer', () => {
    const send = (socket: ClientSocket, sessionId: string, tempId: string) => request(socket, 'send_message', { session_id: sessionId, content: tempId, temp_id: tempId });

    it('refuses a send past the bound of its socket at once, stores it nowhere, and takes sends again once the others are answered', async () => {
      await start({}, { perSocket: 3, retryAfterMs: 700 });
      const { session, socket } = await customerInChat('Burst');
      const release = gw.backend.hold('messages.send');
      const waiting = ['t1', 't2', 't3'].map((t) => send(socket, session.id, t));
      const errorEvent = waitFor<{ code: string; temp_id?: string }>(socket, 'error');
      const refused = await send(socket, session.id, 't4');
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'RESOURCE_EXHAUSTED',
          message: 'Too many messages waiting for an answer on this connection; try again in 1 s',
          event: 'send_message',
          temp_id: 't4',
          retry_after_ms: 700,
        },
      });
      expect(await errorEvent).toMatchObject({ code: 'RESOURCE_EXHAUSTED', temp_id: 't4' });

      // Another user's socket has a bound of its own.
      const other = testUser('customer', 'Calm');
      const otherSend = send(await connect(other), (await openSession(other)).id, 'o1');
      release();
      expect((await Promise.all(waiting)).map((a) => a.ok)).toEqual([true, true, true]);
      expect((await otherSend).ok).toBe(true);
      expect(contents(session.id)).toEqual(['t1', 't2', 't3']);
      expect((await send(socket, session.id, 't4')).ok).toBe(true);
      expect(contents(session.id)).toEqual(['t1', 't2', 't3', 't4']);
    });

    it('frees the slot of a send that failed', async () => {
      await start({}, { perSocket: 1 });
      const { session, socket } = await customerInChat('Unlucky');
      gw.backend.failNextCall('messages.send', new AppError('UNAVAILABLE', 'The message service is unavailable, try again shortly'));
      expect((await send(socket, session.id, 'a')).error?.code).toBe('UNAVAILABLE');
      expect((await send(socket, session.id, 'b')).ok).toBe(true);
      expect((await send(socket, session.id, 'c')).ok).toBe(true);
      expect(contents(session.id)).toEqual(['b', 'c']);
    });

    it("refuses every socket's sends once the gateway holds its bound, until one is answered", async () => {
      await start({}, { perSocket: 10, perGateway: 2, retryAfterMs: 1500 });
      const users = ['A', 'B', 'C'].map((name) => testUser('customer', name));
      const sessions = await Promise.all(users.map(openSession));
      const [a, b, c] = await Promise.all(users.map(connect));
      const release = gw.backend.hold('messages.send');
      const held = [send(a, sessions[0].id, 'a1'), send(b, sessions[1].id, 'b1')];
      // The held sends reach the gateway first: their acks order the socket's events after them.
      await eventually(() => expect(gw.backend.calls.filter((call) => call === 'messages.send')).toHaveLength(2));
      expect(await send(c, sessions[2].id, 'c1')).toEqual({
        ok: false,
        error: { code: 'RESOURCE_EXHAUSTED', message: 'The server is busy; try again in 2 s', event: 'send_message', temp_id: 'c1', retry_after_ms: 1500 },
      });
      expect((await send(a, sessions[0].id, 'a2')).error?.code).toBe('RESOURCE_EXHAUSTED');
      release();
      expect((await Promise.all(held)).map((answer) => answer.ok)).toEqual([true, true]);
      expect((await send(c, sessions[2].id, 'c1')).ok).toBe(true);
      expect(sessions.map((s) => contents(s.id))).toEqual([['a1'], ['b1'], ['c1']]);
    });

    it('passes a busy message service on as RESOURCE_EXHAUSTED with the retry hint, storing nothing', async () => {
      await start({}, { retryAfterMs: 900 });
      const { session, socket } = await customerInChat('Patient');
      gw.backend.failNextCall('messages.send', new AppError('RESOURCE_EXHAUSTED', 'The service is busy; try again shortly'));
      expect(await send(socket, session.id, 'x1')).toEqual({
        ok: false,
        error: { code: 'RESOURCE_EXHAUSTED', message: 'The service is busy; try again shortly', event: 'send_message', temp_id: 'x1', retry_after_ms: 900 },
      });
      expect(contents(session.id)).toEqual([]);
      expect((await send(socket, session.id, 'x1')).ok).toBe(true);
      expect(contents(session.id)).toEqual(['x1']);
    });

    it("refuses a join past the gateway's bound of joins running, without asking any service, and takes it once one is answered", async () => {
      await start({}, { retryAfterMs: 800 }, 2);
      const users = ['J1', 'J2', 'J3'].map((name) => testUser('customer', name));
      const sessions = await Promise.all(users.map(openSession));
      const sockets = await Promise.all(users.map(connect));
      const release = gw.backend.hold('messages.list');
      const held = [0, 1].map((i) => request(sockets[i], 'join_session', { session_id: sessions[i].id }));
      await eventually(() => expect(gw.backend.calls.filter((call) => call === 'messages.list')).toHaveLength(2));
      const callsBefore = gw.backend.calls.length + gw.backend.presence.calls.length;
      expect(await request(sockets[2], 'join_session', { session_id: sessions[2].id })).toEqual({
        ok: false,
        error: { code: 'RESOURCE_EXHAUSTED', message: 'The server is busy; try again in 1 s', event: 'join_session', retry_after_ms: 800 },
      });
      expect(gw.backend.calls.length + gw.backend.presence.calls.length).toBe(callsBefore);
      const metricsText = await (await fetch(`${gw.url}/metrics`)).text();
      expect(metricsText).toMatch(/^parley_gateway_joins_in_flight 2$/m);
      release();
      expect((await Promise.all(held)).map((answer) => answer.ok)).toEqual([true, true]);
      expect((await request(sockets[2], 'join_session', { session_id: sessions[2].id })).ok).toBe(true);
    });

    it('passes a busy presence service\'s refusal of a join on with the retry hint; the socket is not in the session until it joins again', async () => {
      await start({}, { retryAfterMs: 700 });
      const { session, socket } = await customerInChat('Storm');
      const inSession = () => gw.backend.presence.sockets.get(socket.id ?? '')?.sessions.has(session.id) ?? false;
      gw.backend.presence.busy = true;
      expect(await request(socket, 'join_session', { session_id: session.id })).toEqual({
        ok: false,
        error: { code: 'RESOURCE_EXHAUSTED', message: 'The presence service is busy registering sockets; try again shortly', event: 'join_session', retry_after_ms: 700 },
      });
      expect(inSession()).toBe(false);
      gw.backend.presence.busy = false;
      expect((await request(socket, 'join_session', { session_id: session.id })).ok).toBe(true);
      expect(inSession()).toBe(true);
    });
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
