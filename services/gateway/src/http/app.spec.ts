import { AppError } from '@parley/errors';
import { buildInfo } from '@parley/metrics';
import { api, testUser } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('gateway REST', () => {
  let gw: TestGateway;
  const customer = testUser('customer', 'Cleo');
  const other = testUser('customer', 'Sam');
  const agent = testUser('support', 'Ana');
  const call = (method: string, path: string, options: Parameters<typeof api>[3] = {}) => api(gw.url, method, path, options);

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  it('opens a session and lists it with unread counts', async () => {
    const created = await call('POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Cold food', category: 'order_issue', priority: 'high', initial_message: 'It is cold' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ success: true, data: { subject: 'Cold food', status: 'waiting', category: 'order_issue', priority: 'high', unread_count: 0 } });

    const listed = await call('GET', '/api/v1/chat/sessions', { token: agent.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: created.body.data.id, unread_count: 1 })]);

    const detail = await call('GET', `/api/v1/chat/sessions/${created.body.data.id}`, { token: customer.token });
    expect(detail.body.data).toMatchObject({ id: created.body.data.id, unread_count: 0, last_message: { content: 'It is cold' } });

    const history = await call('GET', `/api/v1/chat/sessions/${created.body.data.id}/messages?limit=10&offset=0`, { token: agent.token });
    expect(history.body).toMatchObject({ success: true, data: [{ content: 'It is cold', sender_role: 'customer', attachments: [], read_by: [] }], meta: { has_more: false, last_seq: 1 } });

    const sent = await call('POST', `/api/v1/chat/sessions/${created.body.data.id}/messages`, { token: agent.token, body: { content: 'Sorry!' } });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({ content: 'Sorry!', seq: 2, sender_role: 'support' });
  });

  describe('refusals, each with the envelope and nothing changed', () => {
    let sessionId: string;
    beforeAll(async () => {
      sessionId = (await call('POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Mine' } })).body.data.id;
    });

    it.each([
      ['no token', 'GET', '/api/v1/chat/sessions', {}, 401, 'UNAUTHENTICATED'],
      ['a bad token', 'GET', '/api/v1/chat/sessions', { headers: { authorization: 'Bearer nope' } }, 401, 'UNAUTHENTICATED'],
      ['no token and a malformed body', 'POST', '/api/v1/chat/sessions', { rawBody: '{"subject":' }, 401, 'UNAUTHENTICATED'],
      ['a non-bearer scheme', 'GET', '/api/v1/chat/sessions', { headers: { authorization: `Basic ${customer.token}` } }, 401, 'UNAUTHENTICATED'],
      ['malformed JSON', 'POST', '/api/v1/chat/sessions', { token: customer.token, rawBody: '{"subject":' }, 400, 'INVALID_ARGUMENT'],
      ['a missing subject', 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { priority: 'low' } }, 400, 'INVALID_ARGUMENT'],
      ['a wrong type', 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: ['a'] } }, 400, 'INVALID_ARGUMENT'],
      ['a body over 64 kB', 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'x'.repeat(70_000) } }, 413, 'RESOURCE_EXHAUSTED'],
      ['support opening a chat', 'POST', '/api/v1/chat/sessions', { token: agent.token, body: { subject: 'x' } }, 403, 'PERMISSION_DENIED'],
      ['a bad status filter', 'GET', '/api/v1/chat/sessions?status=lost', { token: agent.token }, 400, 'INVALID_ARGUMENT'],
      ['a malformed session id', 'GET', '/api/v1/chat/sessions/42', { token: customer.token }, 400, 'INVALID_ARGUMENT'],
      ['an unknown session', 'GET', '/api/v1/chat/sessions/00000000-0000-4000-8000-0000000000aa', { token: customer.token }, 404, 'NOT_FOUND'],
      ['a limit over 200', 'GET', '/api/v1/chat/sessions/SESSION/messages?limit=500', { token: customer.token }, 400, 'INVALID_ARGUMENT'],
      ['a negative offset', 'GET', '/api/v1/chat/sessions/SESSION/messages?offset=-1', { token: customer.token }, 400, 'INVALID_ARGUMENT'],
      ['an empty message', 'POST', '/api/v1/chat/sessions/SESSION/messages', { token: customer.token, body: { content: '' } }, 400, 'INVALID_ARGUMENT'],
      ['an unknown route', 'GET', '/api/v1/chat/nothing', { token: customer.token }, 404, 'NOT_FOUND'],
    ] as const)('%s', async (_label, method, path, options, status, code) => {
      const before = { sessions: gw.backend.sessions.size, messages: gw.backend.messages.length };
      const res = await call(method, path.replace('SESSION', sessionId), options);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ success: false, error: { code, message: expect.any(String) } });
      expect({ sessions: gw.backend.sessions.size, messages: gw.backend.messages.length }).toEqual(before);
    });

    it("refuses another customer's session with 403", async () => {
      const res = await call('GET', `/api/v1/chat/sessions/${sessionId}/messages`, { token: other.token });
      expect(res).toEqual({ status: 403, body: { success: false, error: { code: 'PERMISSION_DENIED', message: expect.any(String) } } });
    });

    it.each([
      ['UNAVAILABLE', 503],
      ['DEADLINE_EXCEEDED', 504],
      ['RESOURCE_EXHAUSTED', 429],
      ['ALREADY_EXISTS', 409],
    ] as const)('maps a service %s to HTTP %i', async (code, status) => {
      gw.backend.failNext = new AppError(code, 'from the service');
      const res = await call('GET', `/api/v1/chat/sessions/${sessionId}`, { token: customer.token });
      expect(res).toEqual({ status, body: { success: false, error: { code, message: 'from the service' } } });
    });

    it('tells when to try again after a busy service\'s refusal (429 with Retry-After)', async () => {
      gw.backend.failNext = new AppError('RESOURCE_EXHAUSTED', 'The service is busy; try again shortly');
      const res = await fetch(`${gw.url}/api/v1/chat/sessions/${sessionId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'hello', temp_id: 'busy-1' }),
      });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(await res.json()).toEqual({ success: false, error: { code: 'RESOURCE_EXHAUSTED', message: 'The service is busy; try again shortly' } });
      expect(gw.backend.messages.filter((m) => m.session_id === sessionId)).toEqual([]);
    });

    it('shows an unexpected failure as a bare 500', async () => {
      gw.backend.failNext = new Error('select * from chat_sessions failed');
      const res = await call('GET', `/api/v1/chat/sessions/${sessionId}`, { token: customer.token });
      expect(res).toEqual({ status: 500, body: { success: false, error: { code: 'INTERNAL', message: 'Internal error' } } });
    });
  });

  it('answers with the request id it was given, or a new one', async () => {
    const given = await fetch(`${gw.url}/api/v1/chat/sessions`, { headers: { authorization: `Bearer ${customer.token}`, 'x-request-id': 'req-from-client' } });
    expect(given.headers.get('x-request-id')).toBe('req-from-client');
    await given.arrayBuffer();
    const fresh = await fetch(`${gw.url}/api/v1/chat/sessions`, { headers: { authorization: `Bearer ${customer.token}` } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await fresh.arrayBuffer();
  });

  it('shows a person who opens it in a browser where to go', async () => {
    const res = await fetch(`${gw.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    for (const link of ['/api/docs', '/healthz', '/readyz', '/metrics']) expect(page).toContain(`href="${link}"`);
  });

  it('reports liveness and readiness', async () => {
    expect(await call('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok', ...buildInfo() } });
    expect(await call('GET', '/readyz')).toEqual({ status: 200, body: { status: 'ready', checks: { broker: true } } });
  });
});
