import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { testSettings } from '@parley/config';
import type { ChatSessionView } from '@parley/contracts';
import { request, testUser, type ClientSocket } from '@parley/testing';
import { SocketPool, openSession, send } from './support/chat-client';
import { databaseState, foreignSessionId, hostilePayload, isCleanError, shortTrickyString, trickyString } from './support/hostile';
import { startStack, type Stack } from './support/stack';

/**
 * Property-based hostile input (fast-check) against the real stack: every socket event the
 * gateway documents (AsyncAPI) and every REST endpoint (OpenAPI) gets malformed, oversized,
 * wrongly typed and unicode-tricky payloads, and raw malformed Socket.io packets reach it over a
 * bare WebSocket. No process crashes, every answer is a clean error, the database is unchanged.
 */
jest.setTimeout(180_000);
// Every byte percent-encoded (lone surrogates go as the UTF-8 replacement character).
const segment = (value: string) => [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
const RUNS = testSettings().HOSTILE_RUNS;

describe('hostile input, property-based, against the real stack', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const victim = testUser('customer', 'Vera Victim');
  const mallory = testUser('customer', 'Mallory');
  let victimSession: ChatSessionView;
  let malloryHttpSocket: ClientSocket;
  let before: Record<string, unknown>;

  beforeAll(async () => {
    stack = await startStack({ label: 'hostile', logLevel: 'info', gatewayEnv: { RATE_LIMIT_SOCKET_EVENTS: '1000000', RATE_LIMIT_USER_EVENTS: '1000000' } });
    victimSession = await openSession(stack.gatewayA, victim, { initial_message: 'my order is late' });
    malloryHttpSocket = await sockets.connect(stack.gatewayB, mallory);
    before = await databaseState(stack.db);
  }, 120_000);
  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  it('answers every documented socket event with a clean error, whatever the payload', async () => {
    const asyncApi = (await (await fetch(`${stack.gatewayA}/api/docs/asyncapi.json`)).json()) as {
      channels: Record<string, { publish?: { message: { payload: { properties?: Record<string, unknown> } } } }>;
    };
    const events = Object.entries(asyncApi.channels).filter(([, channel]) => channel.publish);
    expect(events.length).toBeGreaterThanOrEqual(9);
    for (const [event, channel] of events) {
      const fields = Object.keys(channel.publish?.message.payload.properties ?? {});
      await fc.assert(
        fc.asyncProperty(hostilePayload(fields, foreignSessionId(victimSession.id), true), async (payload) => {
          // A frame over the cap drops the socket by design (tested below); stay under it here.
          fc.pre(Buffer.byteLength(JSON.stringify(payload) ?? '') < 90_000);
          const answer = (await request(malloryHttpSocket, event, payload, 10_000)) as { ok: boolean; error?: unknown };
          return answer.ok === false && isCleanError(answer.error);
        }),
        { numRuns: RUNS },
      );
    }
    expect(malloryHttpSocket.connected).toBe(true);
  });

  it('answers every documented REST endpoint with a clean error envelope, whatever the path, query or body', async () => {
    const openApi = (await (await fetch(`${stack.gatewayA}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>>;
    };
    const routes = Object.entries(openApi.paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, operation]) => ({ route, method, operation })));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    for (const { route, method, operation } of routes) {
      const fields = Object.keys(operation.requestBody?.content?.['application/json']?.schema?.properties ?? {});
      const hasSession = route.includes('{sessionId}');
      const pathFor = fc.record({ session: fc.oneof(foreignSessionId(victimSession.id).filter((id) => id.length < 200)), other: shortTrickyString });
      const body = fc.oneof(
        hostilePayload(fields, foreignSessionId(victimSession.id), hasSession).map((value) => ({ raw: JSON.stringify(value) ?? 'null' })),
        trickyString.map((raw) => ({ raw })),
      );
      const query = fc.dictionary(shortTrickyString, shortTrickyString, { minKeys: 1, maxKeys: 3 });
      await fc.assert(
        fc.asyncProperty(pathFor, body, query, async (ids, { raw }, params) => {
          const url = `${stack.gatewayB}/api/v1/chat${route.replace('{sessionId}', segment(ids.session)).replace(/\{\w+\}/g, segment(ids.other))}?${new URLSearchParams(params)}`;
          const response = await fetch(url, {
            method: method.toUpperCase(),
            headers: { authorization: `Bearer ${mallory.token}`, 'content-type': 'application/json' },
            body: method === 'get' ? undefined : raw,
          });
          const text = await response.text();
          let answer: { success?: boolean; error?: unknown };
          try {
            answer = JSON.parse(text) as typeof answer;
          } catch {
            throw new Error(`${method.toUpperCase()} ${route} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
          }
          if (method === 'get' && response.status === 200) return answer.success === true; // reading one's own (empty) lists
          return response.status >= 400 && response.status < 500 && answer.success === false && isCleanError(answer.error);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('survives malformed Socket.io and engine.io packets on a raw WebSocket', async () => {
    const frames = fc.oneof(
      fc.constantFrom('42', '42[', '42[]', '42[123]', '42["send_message"', '42{"a":1}', '43', '451-["send_message",{"_placeholder":true,"num":0}]', '45-', '4-1', '42999999999999999999999["join_session"]', '2probe', '6', '9', '0', '1', '40', '41', '4'),
      fc.string({ unit: 'binary', maxLength: 200 }),
      trickyString.map((s) => `42${JSON.stringify([s, { session_id: s }])}`),
      fc.integer({ min: 1, max: 20_000 }).map((depth) => `42${'['.repeat(depth)}`),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    );
    const wsUrl = `${stack.gatewayA.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
    await fc.assert(
      fc.asyncProperty(fc.array(frames, { minLength: 1, maxLength: 4 }), fc.boolean(), async (sequence, authenticate) => {
        const ws = new WebSocket(wsUrl);
        const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
        ws.on('error', () => undefined);
        await new Promise<void>((resolve) => ws.once('message', () => resolve())); // engine.io open packet
        if (authenticate) ws.send(`40${JSON.stringify({ token: mallory.token })}`);
        for (const frame of sequence) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 150))]);
        ws.terminate();
        return (await fetch(`${stack.gatewayA}/healthz`)).status === 200;
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('drops a socket that sends a frame over SOCKET_MAX_PAYLOAD_BYTES (100 kB), and only that one', async () => {
    const glutton = await sockets.connect(stack.gatewayA, testUser('customer', 'Glen Glutton'));
    const dropped = new Promise<string>((resolve) => glutton.once('disconnect', (reason) => resolve(reason)));
    glutton.emit('send_message', { session_id: victimSession.id, content: 'x'.repeat(150_000) });
    expect(await dropped).toBe('transport close');
    expect(malloryHttpSocket.connected).toBe(true);
    expect((await request(malloryHttpSocket, 'typing', { session_id: victimSession.id })).error?.code).toBe('PERMISSION_DENIED');
  });

  it('left the database as it was, crashed nothing, and still serves the honest', async () => {
    expect(await databaseState(stack.db)).toEqual(before);
    expect(stack.crashes()).toEqual([]);
    const victimSocket = await sockets.connect(stack.gatewayA, victim);
    expect((await send(victimSocket, victimSession.id, 'still works')).session_id).toBe(victimSession.id);
  });

  it('logs neither message contents nor tokens at info level', async () => {
    const marker = `secret-content-${Date.now()}`;
    const victimSocket = await sockets.connect(stack.gatewayB, victim);
    await send(victimSocket, victimSession.id, marker);
    expect((await request(victimSocket, 'send_message', { session_id: victimSession.id, content: `${marker} refused`, bogus: true })).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the processes flush their logs
    const logs = fs.readdirSync(stack.logDir).map((file) => fs.readFileSync(path.join(stack.logDir, file), 'utf8'));
    expect(logs.join('\n')).toMatch(/"level":30/); // info lines were written at all
    for (const text of logs) {
      expect(text).not.toContain(marker);
      for (const token of [victim.token, mallory.token]) expect(text).not.toContain(token.split('.')[2]);
    }
  });
});
