import { createEvent, routingKeys, type ChatAcceptedEvent, type ChatSession } from '@parley/contracts';
import { api, collect, connectClient, eventually, request, testUser, waitFor, type ClientSocket } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('agents at work, over the gateway', () => {
  let gw: TestGateway;
  const sockets: ClientSocket[] = [];
  const customer = testUser('customer', 'Cleo');
  const ana = testUser('support', 'Ana');
  const bo = testUser('support', 'Bo');
  const connect = async (token: string) => {
    const socket = await connectClient(gw.url, token);
    sockets.push(socket);
    return socket;
  };
  const open = async (subject = 'Late order'): Promise<ChatSession> =>
    (await api(gw.url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject } })).body.data;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => gw.close());

  it('shows a new chat to every agent, and the queue', async () => {
    const a = await connect(ana.token);
    const queued = waitFor<{ session: ChatSession }>(a, 'session_queued');
    const session = await open('Queued');
    // The fake backend does not run the session service's outbox: publish as it would.
    await gw.bus.publish(createEvent('session.created', routingKeys.session(session.id, 'session.created'), { session, initial_message: null }));
    expect((await queued).session.id).toBe(session.id);
    const updated = waitFor<{ waiting: string[]; total: number }>(a, 'queue_updated');
    await gw.bus.publish(createEvent('queue.changed', routingKeys.agents('queue.changed'), { version: 1, waiting: [session.id], total: 1 }));
    expect(await updated).toEqual({ waiting: [session.id], total: 1 });
  });

  it('tells a waiting customer their place, and drops an older queue version', async () => {
    const session = await open('Where am I');
    const c = await connect(customer.token);
    await request(c, 'join_session', { session_id: session.id });
    const positions = collect<{ session_id: string; position: number; waiting: number }>(c, 'queue_position');
    await gw.bus.publish(createEvent('queue.changed', routingKeys.agents('queue.changed'), { version: 10, waiting: ['00000000-0000-4000-8000-000000000009', session.id], total: 2 }));
    await gw.bus.publish(createEvent('queue.changed', routingKeys.agents('queue.changed'), { version: 9, waiting: [session.id], total: 1 }));
    await eventually(() => expect(positions).toEqual([{ session_id: session.id, position: 2, waiting: 2 }]));
    await new Promise((r) => setTimeout(r, 100));
    expect(positions).toHaveLength(1);
  });

  it('shows a burst of queue changes once, the newest, and before the lifecycle event that follows them', async () => {
    const session = await open('Burst');
    const c = await connect(customer.token);
    await request(c, 'join_session', { session_id: session.id });
    const a = await connect(ana.token);
    const queues = collect<{ waiting: string[]; total: number }>(a, 'queue_updated');
    const positions = collect<{ session_id: string; position: number; waiting: number }>(c, 'queue_position');
    const heard: string[] = [];
    c.onAny((event: string) => heard.push(event));
    const ahead = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    const change = (version: number, before: number) =>
      createEvent('queue.changed', routingKeys.agents('queue.changed'), { version, waiting: [...ahead(before), session.id], total: before + 1 });
    const requeued = createEvent('session.requeued', routingKeys.session(session.id, 'session.requeued'), {
      session: { ...session, status: 'waiting' as const },
      from_agent_id: ana.id,
      from_agent_name: 'Ana',
      reason: 'no_reply' as const,
      by: { user_id: 'parley', role: 'admin' as const, name: 'Parley' },
    });
    // One delivery: three changes, then a lifecycle event of the session, then a fourth change.
    await gw.bus.publishMany([change(20, 3), change(21, 2), change(22, 1), requeued, change(23, 0)]);
    await eventually(() => expect(positions.map((p) => p.position)).toEqual([2, 1]));
    expect(queues.map((q) => q.total)).toEqual([2, 1]);
    expect(heard.filter((e) => e === 'queue_position' || e === 'chat_requeued')).toEqual(['queue_position', 'chat_requeued', 'queue_position']);
    await new Promise((r) => setTimeout(r, 100));
    expect(positions).toHaveLength(2);
  });

  it('accepts a chat: the agent is in it at once, the customer and every agent hear it once', async () => {
    const session = await open();
    const c = await connect(customer.token);
    await request(c, 'join_session', { session_id: session.id });
    const a = await connect(ana.token);
    const b = await connect(bo.token);
    const atCustomer = collect<ChatAcceptedEvent>(c, 'chat_accepted');
    const atAna = collect<ChatAcceptedEvent>(a, 'chat_accepted');
    const atBo = collect<ChatAcceptedEvent>(b, 'chat_accepted');
    const statusAtCustomer = collect(c, 'session_status_changed');
    const joined = waitFor<{ session: ChatSession }>(a, 'session_joined');

    const ack = await request<ChatAcceptedEvent>(a, 'accept_chat', { session_id: session.id });
    expect(ack).toMatchObject({ ok: true, data: { agent_id: ana.id, agent_name: 'Ana', session: { id: session.id, status: 'active' } } });
    expect((await joined).session.id).toBe(session.id);
    await eventually(() => {
      for (const seen of [atCustomer, atAna, atBo]) expect(seen.map((e) => e.agent_id)).toEqual([ana.id]);
      expect(statusAtCustomer).toEqual([{ session_id: session.id, status: 'active', agent_id: ana.id }]);
    });

    const second = await request(b, 'accept_chat', { session_id: session.id });
    expect(second).toMatchObject({ ok: false, error: { code: 'ABORTED', message: 'Ana accepted this chat first', event: 'accept_chat' } });
  });

  it('answers an accept that went through as accepted even when the join after it fails, and says so', async () => {
    const session = await open('Presence is down');
    const a = await connect(ana.token);
    gw.backend.presence.down = true;
    try {
      const ack = await request<ChatAcceptedEvent>(a, 'accept_chat', { session_id: session.id });
      expect(ack).toMatchObject({ ok: true, data: { agent_id: ana.id, joined: false, session: { id: session.id, status: 'active' } } });
    } finally {
      gw.backend.presence.down = false;
    }
    // Joining by hand works once presence is back, and the chat is the agent's.
    const joined = await request<{ session: ChatSession }>(a, 'join_session', { session_id: session.id });
    expect(joined).toMatchObject({ ok: true, data: { session: { id: session.id, status: 'active', agent_id: ana.id } } });
  });

  it('transfers and closes, telling the customer and the agents', async () => {
    const session = await open('Transfer me');
    const c = await connect(customer.token);
    await request(c, 'join_session', { session_id: session.id });
    const a = await connect(ana.token);
    await request(a, 'accept_chat', { session_id: session.id });
    const transferred = waitFor<{ to_agent_id: string; from_agent_id: string }>(c, 'chat_transferred');
    const ack = await request(a, 'transfer_chat', { session_id: session.id, agent_id: bo.id, agent_name: 'Bo' });
    expect(ack).toMatchObject({ ok: true, data: { from_agent_id: ana.id, to_agent_id: bo.id, to_agent_name: 'Bo' } });
    expect(await transferred).toMatchObject({ from_agent_id: ana.id, to_agent_id: bo.id });

    const closed = waitFor<{ closed_by: string; session: ChatSession }>(c, 'chat_closed');
    const closing = await request(c, 'close_chat', { session_id: session.id });
    expect(closing).toMatchObject({ ok: true, data: { closed_by: customer.id, session: { status: 'closed' } } });
    expect(await closed).toMatchObject({ closed_by: customer.id, session: { id: session.id, status: 'closed' } });
  });

  it.each([
    ['accept_chat', undefined],
    ['accept_chat', { session_id: 'nope' }],
    ['accept_chat', { session_id: '00000000-0000-4000-8000-000000000001', extra: 1 }],
    ['close_chat', {}],
    ['transfer_chat', { session_id: '00000000-0000-4000-8000-000000000001', agent_id: 'x' }],
    ['transfer_chat', { session_id: '00000000-0000-4000-8000-000000000001', agent_id: '', agent_name: 'Bo' }],
  ])('refuses %s %j before calling any service', async (event, payload) => {
    const a = await connect(ana.token);
    const calls = gw.backend.calls.length;
    const answer = await request(a, event, payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', event } });
    expect(gw.backend.calls.length).toBe(calls);
  });

  it.each([
    ['PATCH', 'status', { status: 'lost' }],
    ['PATCH', 'status', {}],
    ['POST', 'assign', { agent_id: 7 }],
    ['POST', 'transfer', { agent_id: 'b' }],
  ])('REST %s /%s refuses %j with 400 and changes nothing', async (method, action, body) => {
    const session = await open('REST');
    const res = await api(gw.url, method, `/api/v1/chat/sessions/${session.id}/${action}`, { token: ana.token, body });
    expect(res).toEqual({ status: 400, body: { success: false, error: { code: 'INVALID_ARGUMENT', message: expect.any(String) } } });
    expect(gw.backend.sessions.get(session.id)?.status).toBe('waiting');
  });

  it('REST assign and status answer with the session', async () => {
    const session = await open('REST ok');
    const assigned = await api(gw.url, 'POST', `/api/v1/chat/sessions/${session.id}/assign`, { token: ana.token, body: {} });
    expect(assigned).toMatchObject({ status: 200, body: { success: true, data: { id: session.id, status: 'active', agent_id: ana.id } } });
    const resolved = await api(gw.url, 'PATCH', `/api/v1/chat/sessions/${session.id}/status`, { token: ana.token, body: { status: 'resolved' } });
    expect(resolved).toMatchObject({ status: 200, body: { success: true, data: { status: 'resolved' } } });
  });
});
