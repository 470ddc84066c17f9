import { createTestDatabase, type TestDatabase } from '@parley/db';
import type { NewMessageEvent, SendMessageAnswer, SessionJoinedEvent } from '@parley/contracts';
import { api, collect, connectClient, eventually, request, TEST_JWT_SECRET, TEST_SERVICE_ENV, testUser, type ClientSocket } from '@parley/testing';
import { start, type RunningParley } from './main';

jest.setTimeout(20_000);

describe('all-in-one: every service in one process', () => {
  let db: TestDatabase;
  let parley: RunningParley;
  let url: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('parley_aio');
    parley = await start({ ...TEST_SERVICE_ENV, DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, PORT: '0', HOST: '127.0.0.1' });
    url = `http://127.0.0.1:${parley.port}`;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await parley.stop();
    await db.drop();
  });

  it('carries a conversation from REST through gRPC, PostgreSQL and the in-process bus to sockets', async () => {
    const customer = testUser('customer', 'Cleo');
    const agent = testUser('support', 'Ana');
    const opened = await api(url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Missing fries', initial_message: 'No fries in my bag' } });
    expect(opened.status).toBe(201);
    const sessionId: string = opened.body.data.id;

    const c = await connectClient(url, customer.token);
    const a = await connectClient(url, agent.token);
    sockets.push(c, a);
    // The initial message is stored moments after the chat opens.
    await eventually(async () => {
      const joined = await request<SessionJoinedEvent>(c, 'join_session', { session_id: sessionId });
      expect(joined.data?.messages.map((m) => [m.seq, m.content])).toEqual([[1, 'No fries in my bag']]);
    });
    const atAgent = collect<NewMessageEvent>(a, 'new_message');
    const atCustomer = collect<NewMessageEvent>(c, 'new_message');
    const accepted = await request(a, 'accept_chat', { session_id: sessionId });
    expect(accepted).toMatchObject({ ok: true, data: { agent_id: agent.id, session: { status: 'active' } } });
    await eventually(() => expect(atCustomer.map((e) => e.message.content)).toEqual(['Ana accepted the chat']));

    const sent = await request<SendMessageAnswer>(c, 'send_message', { session_id: sessionId, content: 'Also no ketchup', temp_id: 'c-1' });
    const resent = await request<SendMessageAnswer>(c, 'send_message', { session_id: sessionId, content: 'Also no ketchup', temp_id: 'c-1' });
    expect(resent.data?.message_id).toBe(sent.data?.message_id);
    const reply = await request<SendMessageAnswer>(a, 'send_message', { session_id: sessionId, content: 'Refund on its way', temp_id: 'a-1' });
    // Each sender's answer is its ack, with the stored message; the others get it as new_message.
    expect([sent.data?.message?.seq, reply.data?.message?.content]).toEqual([3, 'Refund on its way']);

    // The agent's own session_joined (on accept) may already hold the system message.
    const texts = (events: NewMessageEvent[]) => events.filter((e) => e.message.message_type === 'text').map((e) => e.message.content);
    await eventually(() => expect(texts(atAgent)).toEqual(['Also no ketchup']));
    await eventually(() => expect(atCustomer.map((e) => e.message.seq)).toEqual([2, 4]));

    const history = await api(url, 'GET', `/api/v1/chat/sessions/${sessionId}/messages`, { token: customer.token });
    expect(history.body.data.map((m: { seq: number; message_type: string }) => [m.seq, m.message_type])).toEqual([
      [1, 'text'],
      [2, 'system'],
      [3, 'text'],
      [4, 'text'],
    ]);
    const mine = await api(url, 'GET', '/api/v1/chat/sessions', { token: customer.token });
    expect(mine.body.data).toEqual([expect.objectContaining({ id: sessionId, unread_count: 1, last_message: expect.objectContaining({ content: 'Refund on its way' }) })]);
    const agents = await api(url, 'GET', `/api/v1/chat/sessions/${sessionId}`, { token: agent.token });
    expect(agents.body.data.unread_count).toBe(0);
  });

  it('lets a reconnecting client catch up from its last seq', async () => {
    const customer = testUser('customer');
    const agent = testUser('support');
    const sessionId: string = (await api(url, 'POST', '/api/v1/chat/sessions', { token: customer.token, body: { subject: 'Catch-up' } })).body.data.id;
    const c = await connectClient(url, customer.token);
    sockets.push(c);
    for (const content of ['one', 'two', 'three']) await request(c, 'send_message', { session_id: sessionId, content });
    const a = await connectClient(url, agent.token);
    sockets.push(a);
    const joined = await request<SessionJoinedEvent>(a, 'join_session', { session_id: sessionId, last_seq: 1 });
    expect(joined.data?.messages.map((m) => m.content)).toEqual(['two', 'three']);
    expect(joined.data?.has_more).toBe(false);
  });

  it('exposes Prometheus metrics for every service of the process on the gateway', async () => {
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const series of [
      'parley_gateway_sockets_connected',
      'parley_gateway_events_in_total{event="send_message",outcome="ok"}',
      'parley_gateway_events_out_total{event="new_message"}',
      'parley_gateway_message_send_duration_seconds_bucket',
      'parley_grpc_server_handled_total{method="/parley.message.v1.MessageService/SendMessages",code="OK"}',
      'parley_grpc_server_duration_seconds_bucket',
      'parley_grpc_client_duration_seconds_bucket',
      'parley_outbox_backlog{table="message_outbox"}',
      'parley_outbox_backlog{table="session_outbox"}',
      'parley_bus_consumer_lag_seconds_bucket',
      'parley_process_resident_memory_bytes',
      'parley_nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(series);
    }
  });
});
