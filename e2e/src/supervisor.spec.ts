import { ParleyClient, watchLiveFigures } from '@parley/client';
import type { AgentRoster, LiveFigures, ReportSummary, Workload } from '@parley/contracts';
import { api, collect, eventually, request, testUser, type TestUser } from '@parley/testing';
import { expectEnvelope } from './support/bad-input';
import { accept, openSession, send, SocketPool } from './support/chat-client';
import { freePort, startStack, type Stack } from './support/stack';

/**
 * What a supervisor watches, against the real stack: the report of a day's chats composed from the
 * session and message services, the live figures pushed to admins' sockets as chats and agents
 * change, and the same figures as Prometheus gauges of the services that own them.
 */
jest.setTimeout(60_000);

describe('reports and the live supervisor view, against the real stack', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const cleo = testUser('customer', 'Cleo');
  const ana = testUser('support', 'Ana');
  const root = testUser('admin', 'Root');
  const metricsPorts = { session: 0, presence: 0 };
  const call = (method: string, path: string, user: TestUser) => api(stack.gatewayA, method, `/api/v1/chat${path}`, { token: user.token });
  const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const figure = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

  beforeAll(async () => {
    [metricsPorts.session, metricsPorts.presence] = [await freePort(), await freePort()];
    stack = await startStack({ label: 'supervisor', sessionEnv: { METRICS_PORT: String(metricsPorts.session) }, presenceEnv: { METRICS_PORT: String(metricsPorts.presence) } });
  }, 120_000);
  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  it('pushes the queue, the loads and the agents to admins as they change, and reports the day', async () => {
    const admin = await sockets.connect(stack.gatewayB, root);
    const workloads = collect<Workload>(admin, 'workload_updated');
    const rosters = collect<AgentRoster>(admin, 'agents_updated');
    const customerSocket = await sockets.connect(stack.gatewayA, cleo);
    const notForCustomers = collect<Workload>(customerSocket, 'workload_updated');

    // An agent comes online on the other gateway, then steps away: the admin hears both.
    const agent = await sockets.connect(stack.gatewayA, ana);
    const notForAgents = collect<Workload>(agent, 'workload_updated');
    await eventually(() => expect(rosters.at(-1)?.agents).toEqual([expect.objectContaining({ agent_id: ana.id, online: true, availability: 'available' })]), 10_000);
    expect((await request(agent, 'set_availability', { status: 'away' })).ok).toBe(true);
    await eventually(() => expect(rosters.at(-1)?.agents[0]).toMatchObject({ availability: 'away' }), 10_000);

    // Two chats wait; Ana takes one, answers, resolves it; the customer rates it.
    const first = await openSession(stack.gatewayA, cleo, { initial_message: 'Cold soup' });
    await openSession(stack.gatewayA, cleo, { initial_message: 'Missing spoon' });
    await eventually(() => expect(workloads.at(-1)).toMatchObject({ waiting: 2 }), 10_000);
    await accept(agent, first.id);
    await eventually(() => expect(workloads.at(-1)).toMatchObject({ waiting: 1, agents: [{ agent_id: ana.id, agent_name: 'Ana', active_chats: 1 }] }), 10_000);
    await send(agent, first.id, 'A hot one is on its way');
    expect((await api(stack.gatewayA, 'PATCH', `/api/v1/chat/sessions/${first.id}/status`, { token: ana.token, body: { status: 'resolved' } })).status).toBe(200);
    await eventually(() => expect(workloads.at(-1)).toMatchObject({ waiting: 1, agents: [] }), 10_000);
    expect((await api(stack.gatewayA, 'POST', `/api/v1/chat/sessions/${first.id}/rating`, { token: cleo.token, body: { score: 5 } })).status).toBe(201);
    expect([notForCustomers, notForAgents]).toEqual([[], []]);

    const live = (await call('GET', '/reports/live', root)).body.data as LiveFigures;
    expect(live).toMatchObject({ queue: { waiting: 1 }, agents_online: 1, agents_available: 0, agents: [{ agent_id: ana.id, online: true, availability: 'away', active_chats: 0 }] });
    expect(live.queue.longest_wait_seconds).toBeGreaterThanOrEqual(0);

    // The report of the last day, composed from both services.
    await eventually(async () => expect(((await call('GET', '/reports/summary', root)).body.data as ReportSummary).totals?.first_response.count).toBe(1), 10_000);
    const summary = (await call('GET', '/reports/summary', root)).body.data as ReportSummary;
    expect(summary.totals).toMatchObject({ opened: 2, resolved: 1, waiting: 1, first_response: { count: 1 }, resolution: { count: 1 }, rating: { count: 1, average: 5 } });
    expect(summary.agents).toEqual([expect.objectContaining({ agent_id: ana.id, agent_name: 'Ana', assigned: 1, resolved: 1, first_response: expect.objectContaining({ count: 1 }), rating: { count: 1, average: 5 } })]);
    expect(summary.bucket).toBe('hour');
    expect(summary.timeline.reduce((sum, b) => sum + b.opened, 0)).toBe(2);
    expect((summary.totals?.first_response.p50_seconds ?? -1) >= 0).toBe(true);

    const own = (await call('GET', '/reports/summary', ana)).body.data as ReportSummary;
    expect(own).toMatchObject({ totals: null, timeline: [], agents: [{ agent_id: ana.id, resolved: 1, first_response: { count: 1 } }] });

    // The same live figures as Prometheus gauges, from the services that own them.
    const [sessionMetrics, presenceMetrics] = [await scrape(metricsPorts.session), await scrape(metricsPorts.presence)];
    expect(figure(sessionMetrics, 'parley_queue_waiting')).toBe(1);
    expect(figure(sessionMetrics, 'parley_queue_longest_wait_seconds')).toBeGreaterThan(0);
    expect([figure(presenceMetrics, 'parley_agents_online'), figure(presenceMetrics, 'parley_agents_available')]).toEqual([1, 0]);
  });

  it("keeps an admin's live view current through @parley/client", async () => {
    const admin = new ParleyClient({ url: stack.gatewayB, token: root.token, transports: ['websocket'] });
    await admin.connect();
    const views: LiveFigures[] = [];
    const stop = watchLiveFigures(admin, (figures) => views.push(figures));
    try {
      await eventually(() => expect(views.length).toBeGreaterThan(0), 10_000);
      const waitingBefore = views.at(-1)?.queue.waiting ?? 0;
      await openSession(stack.gatewayA, cleo, { initial_message: 'One more' });
      await eventually(() => expect(views.at(-1)?.queue.waiting).toBe(waitingBefore + 1), 10_000);
      const bo = testUser('support', 'Bo');
      const agent = await sockets.connect(stack.gatewayA, bo);
      await eventually(() => expect(views.at(-1)?.agents.find((a) => a.agent_id === bo.id)).toMatchObject({ online: true, availability: 'available', active_chats: 0 }), 10_000);
      agent.close();
      await eventually(() => expect(views.at(-1)?.agents.find((a) => a.agent_id === bo.id)).toMatchObject({ online: false }), 10_000);
    } finally {
      stop();
      admin.disconnect();
    }
  });

  it('refuses reports to customers, the live view to anyone but staff, and bad periods, with the envelope', async () => {
    expectEnvelope(await call('GET', '/reports/summary', cleo), 403, 'PERMISSION_DENIED');
    expectEnvelope(await call('GET', '/reports/live', cleo), 403, 'PERMISSION_DENIED');
    for (const query of ['from=yesterday', 'to=2026-13-01T00:00:00Z', 'from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z', 'period=day']) {
      expectEnvelope(await call('GET', `/reports/summary?${query}`, root), 400, 'INVALID_ARGUMENT');
    }
    expectEnvelope(await api(stack.gatewayA, 'GET', '/api/v1/chat/reports/live'), 401, 'UNAUTHENTICATED');
  });
});
