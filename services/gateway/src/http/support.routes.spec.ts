import type { ChatSession } from '@parley/contracts';
import { api, testUser } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('gateway REST: canned responses, ratings, search and reports', () => {
  let gw: TestGateway;
  const customer = testUser('customer', 'Cleo');
  const agent = testUser('support', 'Ana');
  const admin = testUser('admin', 'Root');
  const call = (method: string, path: string, options: Parameters<typeof api>[3] = {}) => api(gw.url, method, path, options);
  const refused = (status: number, code: string) => ({ status, body: { success: false, error: { code, message: expect.any(String) } } });
  const open = async (subject: string, initial_message: string): Promise<ChatSession> =>
    (await call('POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject, initial_message } })).body.data;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  describe('canned responses', () => {
    const refund = { shortcut: 'Refund', title: 'Refund', content: 'Your refund is on its way.' };

    it('creates (201, the shortcut in lower case), lists, changes and deletes them', async () => {
      const created = await call('POST', '/api/v1/chat/canned-responses', { token: agent.token, body: refund });
      expect(created).toEqual({ status: 201, body: { success: true, data: expect.objectContaining({ shortcut: 'refund', shared: false }) } });
      const id = created.body.data.id;
      expect((await call('GET', '/api/v1/chat/canned-responses', { token: agent.token })).body.data.map((r: { id: string }) => r.id)).toEqual([id]);
      expect((await call('PATCH', `/api/v1/chat/canned-responses/${id}`, { token: agent.token, body: { title: 'Refunds' } })).body.data.title).toBe('Refunds');
      expect(await call('DELETE', `/api/v1/chat/canned-responses/${id}`, { token: agent.token })).toEqual({ status: 200, body: { success: true, data: { id } } });
      expect(await call('DELETE', `/api/v1/chat/canned-responses/${id}`, { token: agent.token })).toEqual(refused(404, 'NOT_FOUND'));
    });

    it.each([
      ['POST', '', { ...refund, shortcut: 'two words' }],
      ['POST', '', { ...refund, extra: 1 }],
      ['POST', '', { title: 'No shortcut', content: 'x' }],
      ['POST', '', { ...refund, shared: 'yes' }],
      ['PATCH', '/00000000-0000-4000-8000-000000000001', {}],
      ['PATCH', '/not-a-uuid', { title: 'x' }],
      ['DELETE', '/not-a-uuid', undefined],
    ])('answers %s%s with a bad body or id 400, reaching no service', async (method, path, body) => {
      const before = gw.support.calls.length;
      expect(await call(method, `/api/v1/chat/canned-responses${path}`, { token: agent.token, body })).toEqual(refused(400, 'INVALID_ARGUMENT'));
      expect(gw.support.calls.length).toBe(before);
    });

    it('passes on what the session service refuses: 403 for a customer, 409 for a taken shortcut', async () => {
      expect(await call('GET', '/api/v1/chat/canned-responses', { token: customer.token })).toEqual(refused(403, 'PERMISSION_DENIED'));
      await call('POST', '/api/v1/chat/canned-responses', { token: agent.token, body: { ...refund, shortcut: 'late' } });
      expect(await call('POST', '/api/v1/chat/canned-responses', { token: agent.token, body: { ...refund, shortcut: 'late' } })).toEqual(refused(409, 'ALREADY_EXISTS'));
    });
  });

  describe('ratings', () => {
    it('takes a rating (201) once the chat ended, and shows it on the session', async () => {
      const session = await open('Rated', 'hello');
      expect(await call('POST', `/api/v1/chat/sessions/${session.id}/rating`, { token: customer.token, body: { score: 5 } })).toEqual(refused(400, 'FAILED_PRECONDITION'));
      expect((await call('GET', `/api/v1/chat/sessions/${session.id}`, { token: agent.token })).body.data.rating).toBeNull();
      expect(gw.support.calls).not.toContain('ratings.get');
      await call('PATCH', `/api/v1/chat/sessions/${session.id}/status`, { token: agent.token, body: { status: 'resolved' } });
      const rated = await call('POST', `/api/v1/chat/sessions/${session.id}/rating`, { token: customer.token, body: { score: 5, comment: ' Great ' } });
      expect(rated).toEqual({ status: 201, body: { success: true, data: expect.objectContaining({ session_id: session.id, score: 5, comment: 'Great' }) } });
      expect((await call('GET', `/api/v1/chat/sessions/${session.id}`, { token: agent.token })).body.data.rating).toMatchObject({ score: 5, rated_by: customer.id });
      expect(await call('POST', `/api/v1/chat/sessions/${session.id}/rating`, { token: customer.token, body: { score: 1 } })).toEqual(refused(409, 'ALREADY_EXISTS'));
    });

    it.each([
      ['no score', {}],
      ['a score of 0', { score: 0 }],
      ['a score of 6', { score: 6 }],
      ['a fractional score', { score: 4.5 }],
      ['a score as text', { score: '5' }],
      ['a comment over 1000 characters', { score: 5, comment: 'x'.repeat(1001) }],
      ['an unknown field', { score: 5, stars: 5 }],
    ])('answers %s 400, rating nothing', async (_name, body) => {
      const session = await open('Badly rated', 'hello');
      expect(await call('POST', `/api/v1/chat/sessions/${session.id}/rating`, { token: customer.token, body })).toEqual(refused(400, 'INVALID_ARGUMENT'));
      expect(gw.support.ratings.has(session.id)).toBe(false);
    });

    it('shows no rating on an ended session without one', async () => {
      const session = await open('Unrated', 'hello');
      await call('PATCH', `/api/v1/chat/sessions/${session.id}/status`, { token: agent.token, body: { status: 'closed' } });
      expect((await call('GET', `/api/v1/chat/sessions/${session.id}`, { token: customer.token })).body.data.rating).toBeNull();
    });
  });

  describe('search', () => {
    it('answers sessions the caller may see with their matches, and has_more', async () => {
      const first = await open('Cold fries', 'The fries were cold');
      const second = await open('Cold drink', 'My drink is not cold');
      const found = await call('GET', '/api/v1/chat/search?q=cold&limit=1', { token: agent.token });
      expect(found.status).toBe(200);
      expect(found.body.meta).toEqual({ has_more: true });
      expect(found.body.data).toEqual([{ session: expect.objectContaining({ id: first.id, subject: 'Cold fries' }), match_count: 1, matches: [expect.objectContaining({ snippet: 'The fries were cold' })] }]);
      const next = await call('GET', '/api/v1/chat/search?q=cold&limit=1&offset=1', { token: agent.token });
      expect(next.body.data.map((r: { session: ChatSession }) => r.session.id)).toEqual([second.id]);
      // A session the search named but the caller may not see is left out.
      expect((await call('GET', '/api/v1/chat/search?q=cold', { token: testUser('customer').token })).body.data).toEqual([]);
    });

    it.each([
      ['no q', ''],
      ['an empty q', '?q='],
      ['q without a word', '?q=%21%21'],
      ['a status outside the lifecycle', '?q=cold&status=lost'],
      ['a limit over 50', '?q=cold&limit=51'],
      ['a negative offset', '?q=cold&offset=-1'],
      ['an unknown parameter', '?q=cold&sort=new'],
    ])('answers %s 400, searching nothing', async (_name, query) => {
      const before = gw.support.calls.length;
      expect(await call('GET', `/api/v1/chat/search${query}`, { token: agent.token })).toEqual(refused(400, 'INVALID_ARGUMENT'));
      expect(gw.support.calls.length).toBe(before);
    });
  });

  describe('reports', () => {
    const none = { count: 0, p50_seconds: null, p90_seconds: null };

    it("composes the session service's figures and the message service's first responses, agent by agent", async () => {
      gw.support.sessionFigures = {
        totals: { opened: 3, resolved: 2, waiting: 1, resolution: { count: 2, p50_seconds: 600, p90_seconds: 900 }, rating: { count: 1, average: 4 } },
        agents: [{ agent_id: 'a-1', agent_name: 'Ana', assigned: 2, resolved: 2, resolution: { count: 2, p50_seconds: 600, p90_seconds: 900 }, rating: { count: 1, average: 4 } }],
        timeline: [{ start: '2026-12-01T00:00:00.000Z', opened: 3, resolved: 2, average_wait_seconds: 30 }],
      };
      gw.support.firstResponses = {
        totals: { count: 2, p50_seconds: 40, p90_seconds: 50 },
        agents: [
          { agent_id: 'a-1', agent_name: 'Ana', figures: { count: 1, p50_seconds: 30, p90_seconds: 30 } },
          { agent_id: 'b-2', agent_name: 'Bo', figures: { count: 1, p50_seconds: 50, p90_seconds: 50 } },
        ],
      };
      const summary = await call('GET', '/api/v1/chat/reports/summary?from=2026-12-01T00:00:00Z&to=2026-12-01T12:00:00%2B01:00', { token: admin.token });
      expect(summary.status).toBe(200);
      expect(summary.body.data).toEqual({
        from: '2026-12-01T00:00:00.000Z',
        to: '2026-12-01T11:00:00.000Z',
        bucket: 'hour',
        totals: { ...gw.support.sessionFigures.totals, first_response: { count: 2, p50_seconds: 40, p90_seconds: 50 } },
        agents: [
          { ...gw.support.sessionFigures.agents[0], first_response: { count: 1, p50_seconds: 30, p90_seconds: 30 } },
          { agent_id: 'b-2', agent_name: 'Bo', assigned: 0, resolved: 0, resolution: none, rating: { count: 0, average: null }, first_response: { count: 1, p50_seconds: 50, p90_seconds: 50 } },
        ],
        timeline: gw.support.sessionFigures.timeline,
      });
    });

    it('defaults to the last day, buckets by day past 48 hours, and refuses a bad period before asking anyone', async () => {
      const lastDay = (await call('GET', '/api/v1/chat/reports/summary', { token: admin.token })).body.data;
      expect(Date.parse(lastDay.to) - Date.parse(lastDay.from)).toBe(24 * 3600 * 1000);
      expect((await call('GET', '/api/v1/chat/reports/summary?from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z', { token: admin.token })).body.data.bucket).toBe('day');
      const before = gw.support.calls.length;
      for (const query of ['?from=yesterday', '?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', '?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z', '?to=2026-12-01', '?range=day']) {
        expect(await call('GET', `/api/v1/chat/reports/summary${query}`, { token: admin.token })).toEqual(refused(400, 'INVALID_ARGUMENT'));
      }
      expect(gw.support.calls.length).toBe(before);
    });

    it("answers the live figures: the queue, who is online and available, and each agent's load", async () => {
      const since = new Date(Date.now() - 90_000).toISOString();
      gw.support.workload = { version: 3, waiting: 2, oldest_waiting_since: since, agents: [{ agent_id: 'a-1', agent_name: 'Ana', active_chats: 2 }, { agent_id: 'c-3', agent_name: 'Cy', active_chats: 1 }] };
      gw.support.agentStates = [
        { agent_id: 'a-1', agent_name: 'Ana', online: true, availability: 'available', offline_since: null },
        { agent_id: 'b-2', agent_name: 'Bo', online: true, availability: 'away', offline_since: null },
      ];
      const live = (await call('GET', '/api/v1/chat/reports/live', { token: admin.token })).body.data;
      expect(live).toMatchObject({
        queue: { waiting: 2, oldest_waiting_since: since },
        agents_online: 2,
        agents_available: 1,
        agents: [
          { agent_id: 'a-1', online: true, availability: 'available', active_chats: 2 },
          { agent_id: 'b-2', online: true, availability: 'away', active_chats: 0 },
          { agent_id: 'c-3', online: false, active_chats: 1 },
        ],
      });
      expect(live.queue.longest_wait_seconds).toBeGreaterThanOrEqual(90);
      expect(await call('GET', '/api/v1/chat/reports/live', { token: customer.token })).toEqual(refused(403, 'PERMISSION_DENIED'));
    });
  });
});
