import { randomUUID } from 'node:crypto';
import type { ChatSessionView } from '@parley/contracts';
import { api, testUser, type TestUser } from '@parley/testing';
import { SocketPool, openSession } from './support/chat-client';
import { startStack, type Stack } from './support/stack';
import { badTokens, expectEnvelope, snapshot } from './support/bad-input';

/**
 * Everything a client can get wrong, against the real stack: each mistake earns the documented
 * error (socket `error` event and ack, REST envelope with the exact status) and changes nothing.
 */
jest.setTimeout(30_000);

describe('bad REST input, against the real stack', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const owner = testUser('customer', 'Olga Owner');
  const stranger = testUser('customer', 'Sid Stranger');
  const watcher = testUser('support', 'Wanda Watcher');
  let own: ChatSessionView;
  let others: ChatSessionView;
  const unknownId = randomUUID();

  const snapshotNow = () => snapshot(stack, watcher);

  beforeAll(async () => {
    stack = await startStack({ label: 'bad-rest' });
    own = await openSession(stack.gatewayA, owner, { initial_message: 'hello' });
    others = await openSession(stack.gatewayB, stranger, { initial_message: 'mine, not yours' });
  }, 120_000);

  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  describe('REST', () => {
    const A = () => stack.gatewayA;

    describe('authentication', () => {
      it.each(badTokens().filter(([, token]) => typeof token === 'string' || token === undefined))(
        'answers 401 to %s, and creates nothing',
        async (_name, token) => {
          const before = await snapshotNow();
          const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token as string}` };
          expectEnvelope(await api(A(), 'GET', '/api/v1/chat/sessions', { headers }), 401, 'UNAUTHENTICATED');
          expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${own.id}/messages`, { headers }), 401, 'UNAUTHENTICATED');
          expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { headers, body: { subject: 'sneaky' } }), 401, 'UNAUTHENTICATED');
          expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${own.id}/messages`, { headers, body: { content: 'sneaky' } }), 401, 'UNAUTHENTICATED');
          expect(await snapshotNow()).toEqual(before);
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
        const before = await snapshotNow();
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { rawBody: '{"subject": ' }), 401, 'UNAUTHENTICATED');
        expect(await snapshotNow()).toEqual(before);
      });
    });

    describe('request bodies', () => {
      it.each([
        ['truncated JSON', '{"subject": "Help", '],
        ['text that is not JSON', 'subject=Help'],
        ['a JSON string', '"Help"'],
      ])('answers 400 INVALID_ARGUMENT to %s, and creates nothing', async (_name, rawBody) => {
        const before = await snapshotNow();
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { token: owner.token, rawBody }), 400, 'INVALID_ARGUMENT');
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${own.id}/messages`, { token: owner.token, rawBody }), 400, 'INVALID_ARGUMENT');
        expect(await snapshotNow()).toEqual(before);
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
        const before = await snapshotNow();
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { token: owner.token, body }), 400, 'INVALID_ARGUMENT');
        expect(await snapshotNow()).toEqual(before);
      });

      it('POST /sessions with a body that is not JSON-typed → 400, nothing created', async () => {
        const before = await snapshotNow();
        const response = await api(A(), 'POST', '/api/v1/chat/sessions', { token: owner.token, rawBody: 'subject=Help', headers: { 'content-type': 'text/plain' } });
        expectEnvelope(response, 400, 'INVALID_ARGUMENT');
        expect(await snapshotNow()).toEqual(before);
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
        const before = await snapshotNow();
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${own.id}/messages`, { token: owner.token, body }), 400, 'INVALID_ARGUMENT');
        expect(await snapshotNow()).toEqual(before);
      });

      it('answers 413 to a body over 64 kB, and creates nothing', async () => {
        const before = await snapshotNow();
        const big = 'b'.repeat(70 * 1024);
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { token: owner.token, body: { subject: 'Help', initial_message: big } }), 413, 'RESOURCE_EXHAUSTED');
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${own.id}/messages`, { token: owner.token, body: { content: big } }), 413, 'RESOURCE_EXHAUSTED');
        expect(await snapshotNow()).toEqual(before);
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
        const before = await snapshotNow();
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${unknownId}`, { token: owner.token }), 404, 'NOT_FOUND');
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${unknownId}/messages`, { token: owner.token }), 404, 'NOT_FOUND');
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${unknownId}/messages`, { token: owner.token, body: { content: 'hi' } }), 404, 'NOT_FOUND');
        // Staff get the same answer.
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${unknownId}`, { token: watcher.token }), 404, 'NOT_FOUND');
        expect(await snapshotNow()).toEqual(before);
      });

      it("answers 403 PERMISSION_DENIED to another customer's session, and writes nothing", async () => {
        const before = await snapshotNow();
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${others.id}`, { token: owner.token }), 403, 'PERMISSION_DENIED');
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${others.id}/messages`, { token: owner.token }), 403, 'PERMISSION_DENIED');
        expectEnvelope(await api(A(), 'GET', `/api/v1/chat/sessions/${others.id}/messages?after_seq=0`, { token: owner.token }), 403, 'PERMISSION_DENIED');
        expectEnvelope(await api(A(), 'POST', `/api/v1/chat/sessions/${others.id}/messages`, { token: owner.token, body: { content: 'let me in' } }), 403, 'PERMISSION_DENIED');
        // And the stranger's session does not show in the owner's list.
        const mine = await api(A(), 'GET', '/api/v1/chat/sessions', { token: owner.token });
        expect((mine.body.data as ChatSessionView[]).map((s) => s.id)).not.toContain(others.id);
        expect(await snapshotNow()).toEqual(before);
      });

      it.each([
        ['support', testUser('support')],
        ['admin', testUser('admin')],
      ] as Array<[string, TestUser]>)('answers 403 PERMISSION_DENIED when %s tries to open a session, and creates nothing', async (_role, user) => {
        const before = await snapshotNow();
        expectEnvelope(await api(A(), 'POST', '/api/v1/chat/sessions', { token: user.token, body: { subject: 'Staff cannot open chats' } }), 403, 'PERMISSION_DENIED');
        expect(await snapshotNow()).toEqual(before);
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
        const before = await snapshotNow();
        const response = await api(A(), method, path.replace(':own', own.id), withToken ? { token: owner.token } : {});
        expectEnvelope(response, 404, 'NOT_FOUND');
        expect(await snapshotNow()).toEqual(before);
      });
    });
  });

  it('no service process crashed during the run', () => {
    expect(stack.crashes()).toEqual([]);
  });
});
