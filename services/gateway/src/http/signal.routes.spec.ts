import { api, testUser } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('gateway REST: read receipts and online agents', () => {
  let gw: TestGateway;
  const customer = testUser('customer', 'Cleo');
  const agent = testUser('support', 'Ana');
  const call = (method: string, path: string, options: Parameters<typeof api>[3] = {}) => api(gw.url, method, path, options);
  let sessionId: string;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  beforeEach(async () => {
    sessionId = (await call('POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Cold', initial_message: 'It is cold' } })).body.data.id;
  });
  afterAll(() => gw.close());

  const unread = async (token: string) => (await call('GET', `/api/v1/chat/sessions/${sessionId}`, { token })).body.data.unread_count;

  it('marks everything read without a body, and named messages with one', async () => {
    expect(await unread(agent.token)).toBe(1);
    const all = await call('POST', `/api/v1/chat/sessions/${sessionId}/read`, { token: agent.token });
    expect(all).toEqual({ status: 200, body: { success: true, message: 'Messages marked as read', data: { message_ids: [gw.backend.messages.at(-1)?.id] } } });
    expect(await unread(agent.token)).toBe(0);

    const reply = await call('POST', `/api/v1/chat/sessions/${sessionId}/messages`, { token: agent.token, body: { content: 'Sorry' } });
    const named = await call('POST', `/api/v1/chat/sessions/${sessionId}/read`, { token: customer.token, body: { message_ids: [reply.body.data.id] } });
    expect(named.body).toEqual({ success: true, message: 'Messages marked as read', data: { message_ids: [reply.body.data.id] } });
    const again = await call('POST', `/api/v1/chat/sessions/${sessionId}/read`, { token: customer.token, body: { message_ids: [reply.body.data.id] } });
    expect(again.body.data).toEqual({ message_ids: [] });
  });

  it.each([
    ['no token', (id: string) => `/api/v1/chat/sessions/${id}/read`, {}, 401, 'UNAUTHENTICATED'],
    ['a bad session id', () => '/api/v1/chat/sessions/42/read', { body: {} }, 400, 'INVALID_ARGUMENT'],
    ['an unknown session', () => '/api/v1/chat/sessions/00000000-0000-4000-8000-0000000000aa/read', {}, 404, 'NOT_FOUND'],
    ['an empty id list', (id: string) => `/api/v1/chat/sessions/${id}/read`, { body: { message_ids: [] } }, 400, 'INVALID_ARGUMENT'],
    ['ids that are not UUIDs', (id: string) => `/api/v1/chat/sessions/${id}/read`, { body: { message_ids: ['a'] } }, 400, 'INVALID_ARGUMENT'],
    ['an unknown field', (id: string) => `/api/v1/chat/sessions/${id}/read`, { body: { everything: true } }, 400, 'INVALID_ARGUMENT'],
    ['a body that is not an object', (id: string) => `/api/v1/chat/sessions/${id}/read`, { rawBody: '[1]' }, 400, 'INVALID_ARGUMENT'],
    ['an unknown message', (id: string) => `/api/v1/chat/sessions/${id}/read`, { body: { message_ids: ['00000000-0000-4000-8000-0000000000bb'] } }, 404, 'NOT_FOUND'],
  ])('refuses %s with the envelope, changing nothing', async (_label, path, options, status, code) => {
    const token = status === 401 ? undefined : agent.token;
    const response = await call('POST', path(sessionId), { ...options, token });
    expect(response).toEqual({ status, body: { success: false, error: { code, message: expect.any(String) } } });
    expect(gw.backend.messages.filter((m) => m.session_id === sessionId).flatMap((m) => m.read_by)).toEqual([]);
  });

  it("refuses a stranger and one's own messages", async () => {
    const stranger = await call('POST', `/api/v1/chat/sessions/${sessionId}/read`, { token: testUser('customer').token });
    expect(stranger.status).toBe(403);
    const own = await call('POST', `/api/v1/chat/sessions/${sessionId}/read`, { token: customer.token, body: { message_ids: [gw.backend.messages.at(-1)?.id] } });
    expect(own).toEqual({ status: 400, body: { success: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/own messages/) } } });
  });

  it('lists online agents for support, refuses customers', async () => {
    expect(await call('GET', '/api/v1/chat/agents/online', { token: agent.token })).toEqual({ status: 200, body: { success: true, data: [] } });
    const refused = await call('GET', '/api/v1/chat/agents/online', { token: customer.token });
    expect(refused).toEqual({ status: 403, body: { success: false, error: { code: 'PERMISSION_DENIED', message: expect.any(String) } } });
  });

  it('sets a support agent’s availability, and refuses others and bad input without changing it', async () => {
    const path = '/api/v1/chat/agents/me/availability';
    expect(await call('PUT', path, { token: agent.token, body: { status: 'away' } })).toEqual({ status: 200, body: { success: true, data: { agent_id: agent.id, agent_name: 'Ana', status: 'away' } } });
    expect(gw.backend.presence.availability.get(agent.id)).toBe('away');
    const refusals: Array<[string, Parameters<typeof api>[3], number, string]> = [
      ['a customer', { token: customer.token, body: { status: 'away' } }, 403, 'PERMISSION_DENIED'],
      ['an unknown status', { token: agent.token, body: { status: 'busy' } }, 400, 'INVALID_ARGUMENT'],
      ['no body', { token: agent.token }, 400, 'INVALID_ARGUMENT'],
      ['an extra field', { token: agent.token, body: { status: 'available', capacity: 9 } }, 400, 'INVALID_ARGUMENT'],
      ['no token', { body: { status: 'available' } }, 401, 'UNAUTHENTICATED'],
    ];
    for (const [label, options, status, code] of refusals) {
      const answer = await call('PUT', path, options);
      expect({ label, status: answer.status, body: answer.body }).toEqual({ label, status, body: { success: false, error: { code, message: expect.any(String) } } });
    }
    expect(gw.backend.presence.availability.get(agent.id)).toBe('away');
  });
});
