import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { io } from 'socket.io-client';
import type { ChatSessionView, NewMessageEvent } from '@parley/contracts';
import { api, collect, connectionRefusal, TEST_JWT_SECRET, testUser, waitFor, type ClientSocket, type TestUser } from '@parley/testing';
import { SocketPool, history, join, openSession, send, sleep, type AckError } from './support/chat-client';
import { startStack, type Stack } from './support/stack';

/**
 * Everything a client can get wrong, against the real stack: each mistake earns the documented
 * error (socket `error` event and ack, REST envelope with the exact status) and changes nothing.
 */
jest.setTimeout(30_000);

const NO_PAYLOAD = Symbol('no payload');
type Payload = unknown;

/** Emits `event` with an ack (and no payload at all for NO_PAYLOAD); answers the ack and the `error` event it caused. */
async function attempt(socket: ClientSocket, event: string, payload: Payload): Promise<{ ack: { ok: boolean; error?: AckError; data?: unknown }; error: AckError }> {
  const errorEvent = waitFor<AckError>(socket, 'error', (e) => e.event === event, 5000);
  errorEvent.catch(() => undefined); // awaited below; a success must not leave it unhandled
  const emitter = (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, ...args: unknown[]): Promise<never> } }).timeout(5000);
  const ack = payload === NO_PAYLOAD ? await emitter.emitWithAck(event) : await emitter.emitWithAck(event, payload);
  if ((ack as { ok: boolean }).ok) throw new Error(`${event} was accepted: ${JSON.stringify(ack)}`);
  return { ack, error: await errorEvent };
}

function expectEnvelope(response: { status: number; body: unknown }, status: number, code: string): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status,
    body: { success: false, error: { code, message: expect.any(String) } },
  });
  const message = (response.body as { error: { message: string } }).error.message;
  expect(message.length).toBeGreaterThan(0);
  // Nothing internal leaks: no stack frames, no SQL.
  expect(message).not.toMatch(/\n\s+at |\bselect\b|\binsert\b|node_modules/i);
}

// Tokens the gateway must refuse, for the handshake and for REST alike.
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);
function badTokens(): Array<[string, unknown]> {
  const sub = randomUUID();
  return [
    ['no token', undefined],
    ['an empty token', ''],
    ['a token that is not a string', 12345],
    ['a malformed token', 'not-a-jwt'],
    ['three garbage segments', 'aaa.bbb.ccc'],
    ['a token signed with another secret', testUser('customer', 'Mallory', 'another-secret-0123456789abcdef').token],
    ['an unsigned token (alg none)', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub, role: 'support', name: 'Mallory', exp: nowS() + 3600 })}.`],
    ['an expired token', jwt.sign({ role: 'customer', name: 'Late' }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: sub, expiresIn: -60 })],
    ['a token with an algorithm that is not allowed (HS512)', jwt.sign({ role: 'customer', name: 'X' }, TEST_JWT_SECRET, { algorithm: 'HS512', subject: sub, expiresIn: 3600 })],
    ['a token without exp', jwt.sign({ role: 'customer', name: 'Forever' }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: sub })],
    ['a token with an unknown role', jwt.sign({ role: 'superuser', name: 'Root' }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: sub, expiresIn: 3600 })],
    ['a token without sub', jwt.sign({ role: 'customer', name: 'Nobody' }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: 3600 })],
  ];
}

describe('bad input, against the real stack', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const owner = testUser('customer', 'Olga Owner');
  const stranger = testUser('customer', 'Sid Stranger');
  const watcher = testUser('support', 'Wanda Watcher');
  let own: ChatSessionView;
  let others: ChatSessionView;
  let ownerSocket: ClientSocket;
  let strangerSocket: ClientSocket;
  const unknownId = randomUUID();

  /** What the stack holds: every session id and each session's last seq. */
  async function snapshot() {
    const list = await api(stack.gatewayA, 'GET', '/api/v1/chat/sessions?limit=200', { token: watcher.token });
    expect(list.status).toBe(200);
    const ids = (list.body.data as ChatSessionView[]).map((s) => s.id).sort();
    const lastSeqs: Record<string, number> = {};
    for (const id of ids) lastSeqs[id] = (await history(stack.gatewayA, watcher, id, '?limit=1')).meta.last_seq;
    return { ids, lastSeqs };
  }

  beforeAll(async () => {
    stack = await startStack({ label: 'bad-input' });
    own = await openSession(stack.gatewayA, owner, { initial_message: 'hello' });
    others = await openSession(stack.gatewayB, stranger, { initial_message: 'mine, not yours' });
    ownerSocket = await sockets.connect(stack.gatewayA, owner);
    strangerSocket = await sockets.connect(stack.gatewayB, stranger);
    await join(ownerSocket, own.id);
  }, 120_000);

  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  describe('socket events', () => {
    const longText = 'x'.repeat(5001);
    const id = () => own.id;
    type Case = [string, () => Payload, string];
    const shapeCases = (): Case[] => [
      ['no payload at all', () => NO_PAYLOAD, 'INVALID_ARGUMENT'],
      ['a string payload', () => 'hello', 'INVALID_ARGUMENT'],
      ['a number payload', () => 42, 'INVALID_ARGUMENT'],
      ['a null payload', () => null, 'INVALID_ARGUMENT'],
      ['an array payload', () => [{ session_id: id() }], 'INVALID_ARGUMENT'],
      ['no session_id', () => ({}), 'INVALID_ARGUMENT'],
      ['a malformed session_id', () => ({ session_id: 'not-a-uuid' }), 'INVALID_ARGUMENT'],
      ['a session_id that is not a string', () => ({ session_id: 12345 }), 'INVALID_ARGUMENT'],
      ['an unknown field', () => ({ session_id: id(), admin: true }), 'INVALID_ARGUMENT'],
      ['an unknown session', () => ({ session_id: unknownId }), 'NOT_FOUND'],
      ["another customer's session", () => ({ session_id: others.id }), 'PERMISSION_DENIED'],
    ];
    const withContent = (payload: Payload): Payload =>
      payload && typeof payload === 'object' && !Array.isArray(payload) ? { content: 'hi', ...(payload as object) } : payload;

    const cases: Record<'join_session' | 'send_message' | 'leave_session', Case[]> = {
      join_session: [
        ...shapeCases(),
        ['a last_seq that is not a number', () => ({ session_id: id(), last_seq: '3' }), 'INVALID_ARGUMENT'],
        ['a negative last_seq', () => ({ session_id: id(), last_seq: -1 }), 'INVALID_ARGUMENT'],
        ['a fractional last_seq', () => ({ session_id: id(), last_seq: 1.5 }), 'INVALID_ARGUMENT'],
      ],
      send_message: [
        // The shape cases, each with otherwise valid content.
        ...shapeCases().map(([name, payload, code]): Case => [name, () => withContent(payload()), code]),
        ['no content', () => ({ session_id: id() }), 'INVALID_ARGUMENT'],
        ['empty content', () => ({ session_id: id(), content: '' }), 'INVALID_ARGUMENT'],
        ['blank content', () => ({ session_id: id(), content: '   \n\t ' }), 'INVALID_ARGUMENT'],
        ['content over 5000 characters', () => ({ session_id: id(), content: longText }), 'INVALID_ARGUMENT'],
        ['content that is a number', () => ({ session_id: id(), content: 42 }), 'INVALID_ARGUMENT'],
        ['content that is an object', () => ({ session_id: id(), content: { text: 'hi' } }), 'INVALID_ARGUMENT'],
        ['content that is null', () => ({ session_id: id(), content: null }), 'INVALID_ARGUMENT'],
        ['message_type system (Parley writes those)', () => ({ session_id: id(), content: 'hi', message_type: 'system' }), 'INVALID_ARGUMENT'],
        ['an unknown message_type', () => ({ session_id: id(), content: 'hi', message_type: 'video' }), 'INVALID_ARGUMENT'],
        ['a message_type that is not a string', () => ({ session_id: id(), content: 'hi', message_type: 1 }), 'INVALID_ARGUMENT'],
        ['an image message without attachments', () => ({ session_id: id(), content: 'hi', message_type: 'image' }), 'INVALID_ARGUMENT'],
        ['a temp_id that is not a string', () => ({ session_id: id(), content: 'hi', temp_id: 42 }), 'INVALID_ARGUMENT'],
        ['an empty temp_id', () => ({ session_id: id(), content: 'hi', temp_id: '' }), 'INVALID_ARGUMENT'],
        ['a temp_id over 128 characters', () => ({ session_id: id(), content: 'hi', temp_id: 't'.repeat(129) }), 'INVALID_ARGUMENT'],
        ['a spoofed sender_id', () => ({ session_id: id(), content: 'hi', sender_id: stranger.id }), 'INVALID_ARGUMENT'],
      ],
      leave_session: shapeCases(),
    };

    describe.each(Object.keys(cases) as Array<keyof typeof cases>)('%s', (event) => {
      it.each(cases[event])('with %s → error event and ack {ok:false}, nothing written', async (_name, payload, code) => {
        const before = await snapshot();
        const { ack, error } = await attempt(ownerSocket, event, payload());
        expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code, message: expect.any(String), event }) });
        expect(error).toEqual(ack.error);
        expect(error.message.length).toBeGreaterThan(0);
        expect(error.message).not.toMatch(/\n\s+at |\bselect\b|\binsert\b|node_modules/i);
        expect(await snapshot()).toEqual(before);
      });
    });

    it('sends the error event even when the client passed no ack', async () => {
      const error = waitFor<AckError>(ownerSocket, 'error', (e) => e.event === 'send_message');
      ownerSocket.emit('send_message', { session_id: own.id, content: '' });
      expect(await error).toEqual(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.any(String), event: 'send_message' }));
    });

    it('names the temp_id of a rejected send_message, so the client can mark that message as failed', async () => {
      const { error } = await attempt(ownerSocket, 'send_message', { session_id: own.id, content: 'x'.repeat(5001), temp_id: 'too-long-1' });
      expect(error).toEqual(expect.objectContaining({ code: 'INVALID_ARGUMENT', temp_id: 'too-long-1' }));
    });

    it('answers an unknown event with an error event', async () => {
      const error = waitFor<AckError>(ownerSocket, 'error', (e) => e.event === 'delete_everything');
      (ownerSocket as unknown as { emit(event: string, payload: unknown): void }).emit('delete_everything', { session_id: own.id });
      expect(await error).toEqual({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('delete_everything'), event: 'delete_everything' });
    });

    it("answers an unknown event's ack with {ok:false} too (every event may carry an ack)", async () => {
      const emitter = (ownerSocket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } }).timeout(3000);
      await expect(emitter.emitWithAck('delete_everything', { session_id: own.id })).resolves.toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.any(String) }),
      });
    });

    it("a refused join subscribes nothing: the stranger receives none of the session's messages", async () => {
      const leaked = collect<NewMessageEvent>(strangerSocket, 'new_message');
      const { error } = await attempt(strangerSocket, 'join_session', { session_id: own.id });
      expect(error.code).toBe('PERMISSION_DENIED');
      const { error: again } = await attempt(strangerSocket, 'join_session', { session_id: own.id, last_seq: 0 });
      expect(again.code).toBe('PERMISSION_DENIED');

      const ownerSees = waitFor<NewMessageEvent>(ownerSocket, 'new_message', (e) => e.message.content === 'private to the owner', 10_000);
      await send(ownerSocket, own.id, 'private to the owner');
      await ownerSees;
      await sleep(1000);
      expect(leaked).toEqual([]);
    });

    it('leaves the socket usable after all those errors', async () => {
      expect(ownerSocket.connected).toBe(true);
      const before = await history(stack.gatewayA, owner, own.id, '?limit=1');
      const sent = await send(ownerSocket, own.id, 'still here');
      expect(sent.seq).toBe(before.meta.last_seq + 1);
    });
  });

  describe('socket handshake', () => {
    it.each(badTokens())('refuses %s with connect_error UNAUTHENTICATED', async (_name, token) => {
      let refusal: { message: string; code?: string };
      if (token === undefined || typeof token === 'string') {
        refusal = await connectionRefusal(stack.gatewayA, token as string | undefined);
      } else {
        const socket = io(stack.gatewayA, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
        refusal = await new Promise((resolve, reject) => {
          socket.once('connect', () => {
            socket.close();
            reject(new Error('the connection was accepted'));
          });
          socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
            socket.close();
            resolve({ message: error.message, code: error.data?.code });
          });
        });
      }
      expect(refusal).toEqual({ message: expect.any(String), code: 'UNAUTHENTICATED' });
      expect(refusal.message.length).toBeGreaterThan(0);
    });
  });

  describe('REST', () => {
    const A = () => stack.gatewayA;

    describe('authentication', () => {
      it.each(badTokens().filter(([, token]) => typeof token === 'string' || token === undefined))(
        'answers 401 to %s, and creates nothing',
        async (_name, token) => {
          const before = await snapshot();
          const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token as string}` };
          expectEnvelope(await api(A(), 'GET', '/api/v1/chat/sessions', { headers }), 401, 'UNAUTHENTICATED');
          expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${own.id}/messages`, { headers }), 401, 'UNAUTHENTICATED');
          expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { headers, body: { subject: 'sneaky' } }), 401, 'UNAUTHENTICATED');
          expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${own.id}/messages`, { headers, body: { content: 'sneaky' } }), 401, 'UNAUTHENTICATED');
          expect(await snapshot()).toEqual(before);
        },
      );

      it.each([
        ['a Basic scheme', `Basic ${Buffer.from('user:pass').toString('base64')}`],
        ['Bearer without a token', 'Bearer'],
        ['Bearer with two tokens', `Bearer ${owner.token} ${owner.token}`],
        ['a token without the Bearer scheme', owner.token],
      ])('answers 401 to an Authorization header with %s', async (_name, header) => {
        expectEnvelope(await api(A(), 'GET', '/api/v1/chat/sessions', { headers: { authorization: header } }), 401, 'UNAUTHENTICATED');
      });

      it('answers 401 (not 400) to a request with no token, whatever its body', async () => {
        const before = await snapshot();
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { rawBody: '{"subject": ' }), 401, 'UNAUTHENTICATED');
        expect(await snapshot()).toEqual(before);
      });
    });

    describe('request bodies', () => {
      it.each([
        ['truncated JSON', '{"subject": "Help", '],
        ['text that is not JSON', 'subject=Help'],
        ['a JSON string', '"Help"'],
      ])('answers 400 INVALID_ARGUMENT to %s, and creates nothing', async (_name, rawBody) => {
        const before = await snapshot();
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { token: owner.token, rawBody }), 400, 'INVALID_ARGUMENT');
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${own.id}/messages`, { token: owner.token, rawBody }), 400, 'INVALID_ARGUMENT');
        expect(await snapshot()).toEqual(before);
      });

      it.each<[string, unknown]>([
        ['an empty object', {}],
        ['an array', [{ subject: 'Help' }]],
        ['an empty subject', { subject: '' }],
        ['a blank subject', { subject: '   ' }],
        ['a subject that is a number', { subject: 123 }],
        ['a subject over 200 characters', { subject: 's'.repeat(201) }],
        ['an unknown priority', { subject: 'Help', priority: 'asap' }],
        ['a category over 64 characters', { subject: 'Help', category: 'c'.repeat(65) }],
        ['a malformed restaurant_id', { subject: 'Help', restaurant_id: 'abc' }],
        ['a ticket_id that is a number', { subject: 'Help', ticket_id: 5 }],
        ['an initial_message over 5000 characters', { subject: 'Help', initial_message: 'm'.repeat(5001) }],
        ['an empty initial_message', { subject: 'Help', initial_message: '' }],
        ['a status (set by the server)', { subject: 'Help', status: 'active' }],
        ['a spoofed customer_id', { subject: 'Help', customer_id: randomUUID() }],
      ])('POST /sessions with %s → 400 INVALID_ARGUMENT, nothing created', async (_name, body) => {
        const before = await snapshot();
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { token: owner.token, body }), 400, 'INVALID_ARGUMENT');
        expect(await snapshot()).toEqual(before);
      });

      it('POST /sessions with a body that is not JSON-typed → 400, nothing created', async () => {
        const before = await snapshot();
        const response = await api(A(), 'POST', '/api/v1/chat/sessions', { token: owner.token, rawBody: 'subject=Help', headers: { 'content-type': 'text/plain' } });
        expectEnvelope(response, 400, 'INVALID_ARGUMENT');
        expect(await snapshot()).toEqual(before);
      });

      it.each<[string, unknown]>([
        ['an empty object', {}],
        ['empty content', { content: '' }],
        ['content over 5000 characters', { content: 'x'.repeat(5001) }],
        ['content that is a number', { content: 42 }],
        ['message_type system', { content: 'hi', message_type: 'system' }],
        ['an image without attachments', { content: 'hi', message_type: 'image' }],
        ['an empty temp_id', { content: 'hi', temp_id: '' }],
        ['a temp_id over 128 characters', { content: 'hi', temp_id: 't'.repeat(129) }],
        ['a session_id in the body', { content: 'hi', session_id: randomUUID() }],
        ['a spoofed sender_id', { content: 'hi', sender_id: randomUUID() }],
      ])('POST /sessions/:id/messages with %s → 400 INVALID_ARGUMENT, nothing written', async (_name, body) => {
        const before = await snapshot();
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${own.id}/messages`, { token: owner.token, body }), 400, 'INVALID_ARGUMENT');
        expect(await snapshot()).toEqual(before);
      });

      it('answers 413 to a body over 64 kB, and creates nothing', async () => {
        const before = await snapshot();
        const big = 'b'.repeat(70 * 1024);
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { token: owner.token, body: { subject: 'Help', initial_message: big } }), 413, 'RESOURCE_EXHAUSTED');
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${own.id}/messages`, { token: owner.token, body: { content: big } }), 413, 'RESOURCE_EXHAUSTED');
        expect(await snapshot()).toEqual(before);
      });
    });

    describe('query strings', () => {
      it.each([
        ['limit=0', '/api/v1/chat/sessions?limit=0'],
        ['limit=abc', '/api/v1/chat/sessions?limit=abc'],
        ['limit=201', '/api/v1/chat/sessions?limit=201'],
        ['offset=-1', '/api/v1/chat/sessions?offset=-1'],
        ['an unknown status', '/api/v1/chat/sessions?status=bogus'],
        ['an unknown parameter', '/api/v1/chat/sessions?sort=asc'],
        ['a repeated limit', '/api/v1/chat/sessions?limit=1&limit=2'],
        ['messages limit=0', '/api/v1/chat/sessions/:own/messages?limit=0'],
        ['messages limit=201', '/api/v1/chat/sessions/:own/messages?limit=201'],
        ['messages limit=ten', '/api/v1/chat/sessions/:own/messages?limit=ten'],
        ['messages offset=-1', '/api/v1/chat/sessions/:own/messages?offset=-1'],
        ['messages after_seq=-1', '/api/v1/chat/sessions/:own/messages?after_seq=-1'],
        ['messages after_seq=abc', '/api/v1/chat/sessions/:own/messages?after_seq=abc'],
        ['messages with an unknown parameter', '/api/v1/chat/sessions/:own/messages?order=desc'],
      ])('GET with %s → 400 INVALID_ARGUMENT', async (_name, path) => {
        expectEnvelope(await api(A(), 'GET', path.replace(':own', own.id), { token: owner.token }), 400, 'INVALID_ARGUMENT');
      });
    });

    describe('sessions that are malformed, unknown or not yours', () => {
      it('answers 400 to a malformed session id', async () => {
        expectEnvelope(await api(A(), 'GET', '/api/v1/chat/sessions/not-a-uuid', { token: owner.token }), 400, 'INVALID_ARGUMENT');
        expectEnvelope(await api(A(), 'GET', '/api/v1/chat/sessions/not-a-uuid/messages', { token: owner.token }), 400, 'INVALID_ARGUMENT');
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions/not-a-uuid/messages', { token: owner.token, body: { content: 'hi' } }), 400, 'INVALID_ARGUMENT');
      });

      it('answers 404 NOT_FOUND to an unknown session, and writes nothing', async () => {
        const before = await snapshot();
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${unknownId}`, { token: owner.token }), 404, 'NOT_FOUND');
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${unknownId}/messages`, { token: owner.token }), 404, 'NOT_FOUND');
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${unknownId}/messages`, { token: owner.token, body: { content: 'hi' } }), 404, 'NOT_FOUND');
        // Staff get the same answer.
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${unknownId}`, { token: watcher.token }), 404, 'NOT_FOUND');
        expect(await snapshot()).toEqual(before);
      });

      it("answers 403 PERMISSION_DENIED to another customer's session, and writes nothing", async () => {
        const before = await snapshot();
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${others.id}`, { token: owner.token }), 403, 'PERMISSION_DENIED');
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${others.id}/messages`, { token: owner.token }), 403, 'PERMISSION_DENIED');
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${others.id}/messages?after_seq=0`, { token: owner.token }), 403, 'PERMISSION_DENIED');
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${others.id}/messages`, { token: owner.token, body: { content: 'let me in' } }), 403, 'PERMISSION_DENIED');
        // And the stranger's session does not show in the owner's list.
        const mine = await api(A(), 'GET', '/api/v1/chat/sessions', { token: owner.token });
        expect((mine.body.data as ChatSessionView[]).map((s) => s.id)).not.toContain(others.id);
        expect(await snapshot()).toEqual(before);
      });

      it.each([
        ['support', testUser('support')],
        ['admin', testUser('admin')],
      ] as Array<[string, TestUser]>)('answers 403 PERMISSION_DENIED when %s tries to open a session, and creates nothing', async (_role, user) => {
        const before = await snapshot();
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { token: user.token, body: { subject: 'Staff cannot open chats' } }), 403, 'PERMISSION_DENIED');
        expect(await snapshot()).toEqual(before);
      });
    });

    describe('routes', () => {
      it.each([
        ['GET', '/api/v1/chat/nowhere', true],
        ['DELETE', '/api/v1/chat/sessions/:own', true],
        ['PUT', '/api/v1/chat/sessions', true],
        ['GET', '/api/v2/chat/sessions', false],
        ['GET', '/api/v1/nowhere', false],
      ] as Array<[string, string, boolean]>)('answers 404 NOT_FOUND to %s %s', async (method, path, withToken) => {
        const before = await snapshot();
        const response = await api(A(), method, path.replace(':own', own.id), withToken ? { token: owner.token } : {});
        expectEnvelope(response, 404, 'NOT_FOUND');
        expect(await snapshot()).toEqual(before);
      });
    });
  });

  it('no service process crashed during the run', () => {
    expect(stack.crashes()).toEqual([]);
  });
});
