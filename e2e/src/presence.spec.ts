import { randomUUID } from 'node:crypto';
import type { ChatSessionView, MessagesReadEvent, OnlineAgent, TypingStoppedEvent, UserJoinedEvent, UserLeftEvent, UserTypingEvent } from '@parley/contracts';
import { api, collect, eventually, request, testUser, waitFor, type ClientSocket, type TestUser } from '@parley/testing';
import { SocketPool, accept, history, join, openSession, send, sleep } from './support/chat-client';
import { startStack, type Stack } from './support/stack';

/**
 * Presence, typing and read receipts on the real stack: a customer on gateway A, an agent on
 * gateway B (and on A, in a second tab). Leases and typing expiry are short here so the test
 * sees a dead gateway reaped and an indicator expire in seconds, not the production 20 s and 10 s.
 */
jest.setTimeout(60_000);

const TIMINGS = { PRESENCE_LEASE_TTL_MS: '3000', PRESENCE_REAP_INTERVAL_MS: '500', TYPING_TTL_MS: '2000', TYPING_SWEEP_INTERVAL_MS: '500', TYPING_THROTTLE_MS: '1000' };

describe('presence, typing and read receipts across two gateways', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const customer = testUser('customer', 'Carla Customer');
  const agent = testUser('support', 'Sam Support');

  beforeAll(async () => {
    // The gateways expire the indicators they show; presence keeps the record with the same timings.
    stack = await startStack({ label: 'presence', presenceEnv: TIMINGS, gatewayEnv: { PRESENCE_RENEW_INTERVAL_MS: '500', TYPING_TTL_MS: TIMINGS.TYPING_TTL_MS, TYPING_THROTTLE_MS: TIMINGS.TYPING_THROTTLE_MS } });
  }, 120_000);
  afterEach(() => sockets.closeAll());
  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 90_000);

  const detail = async (user: TestUser, sessionId: string): Promise<ChatSessionView> =>
    (await api(stack.gatewayA, 'GET', `/api/v1/chat/sessions/${sessionId}`, { token: user.token })).body.data;

  /** A session the customer opened and joined on gateway A, joined by the agent on gateway B. */
  async function conversation(initialMessage?: string) {
    const session = await openSession(stack.gatewayA, customer, initialMessage ? { initial_message: initialMessage } : {});
    const customerSocket = await sockets.connect(stack.gatewayA, customer);
    await join(customerSocket, session.id);
    const agentSocket = await sockets.connect(stack.gatewayB, agent);
    const agentJoined = await join(agentSocket, session.id);
    return { session, customerSocket, agentSocket, agentJoined };
  }

  describe('who is in a session', () => {
    it('lists the participants on either gateway and tells the others who joins and leaves', async () => {
      const session = await openSession(stack.gatewayA, customer);
      const customerSocket = await sockets.connect(stack.gatewayA, customer);
      const alone = await join(customerSocket, session.id);
      expect(alone.participants).toEqual([{ user_id: customer.id, role: 'customer', name: 'Carla Customer' }]);

      const joinedEvent = waitFor<UserJoinedEvent>(customerSocket, 'user_joined', (e) => e.user_id === agent.id, 10_000);
      const agentSocket = await sockets.connect(stack.gatewayB, agent);
      const atAgent = collect<UserJoinedEvent>(agentSocket, 'user_joined');
      const agentJoined = await join(agentSocket, session.id);
      expect(agentJoined.participants).toEqual([
        { user_id: customer.id, role: 'customer', name: 'Carla Customer' },
        { user_id: agent.id, role: 'support', name: 'Sam Support' },
      ]);
      expect(await joinedEvent).toEqual({ user_id: agent.id, role: 'support', name: 'Sam Support' });

      const leftEvent = waitFor<UserLeftEvent>(customerSocket, 'user_left', (e) => e.user_id === agent.id, 10_000);
      expect((await request(agentSocket, 'leave_session', { session_id: session.id })).ok).toBe(true);
      expect(await leftEvent).toEqual({ user_id: agent.id, role: 'support' });
      expect(atAgent).toEqual([]); // nobody is told about themselves
    });

    it('keeps a user with two tabs in the session until the last tab closes', async () => {
      const { session, customerSocket, agentSocket } = await conversation();
      const secondTab = await sockets.connect(stack.gatewayA, agent);
      const joinedEvents = collect<UserJoinedEvent>(customerSocket, 'user_joined');
      const leftEvents = collect<UserLeftEvent>(customerSocket, 'user_left');
      const twoTabs = await join(secondTab, session.id);
      expect(twoTabs.participants.map((p) => p.user_id)).toEqual([customer.id, agent.id]);

      agentSocket.close(); // the tab on gateway B
      await sleep(1500);
      expect(leftEvents).toEqual([]);
      const third = await sockets.connect(stack.gatewayB, customer);
      expect((await join(third, session.id)).participants.map((p) => p.user_id)).toEqual([customer.id, agent.id]);

      secondTab.close();
      await eventually(() => expect(leftEvents).toEqual([{ user_id: agent.id, role: 'support' }]), 10_000);
      expect(joinedEvents).toEqual([]);
    });

    it("reaps a killed gateway's users: the others see them leave and stop typing", async () => {
      const { session, customerSocket, agentSocket } = await conversation();
      const typing = waitFor<UserTypingEvent>(customerSocket, 'user_typing', (e) => e.user_id === agent.id, 10_000);
      expect((await request(agentSocket, 'typing', { session_id: session.id })).ok).toBe(true);
      await typing;
      const stopped = waitFor<TypingStoppedEvent>(customerSocket, 'typing_stopped', (e) => e.user_id === agent.id, 15_000);
      const left = waitFor<UserLeftEvent>(customerSocket, 'user_left', (e) => e.user_id === agent.id, 15_000);

      const killedAt = Date.now();
      await stack.kill('gateway-b');
      expect(await left).toEqual({ user_id: agent.id, role: 'support' });
      expect(await stopped).toEqual({ session_id: session.id, user_id: agent.id });
      // Lease (3 s) + reaper interval (0.5 s) + delivery: well within the bound.
      expect(Date.now() - killedAt).toBeLessThan(10_000);

      const again = await sockets.connect(stack.gatewayA, customer);
      expect((await join(again, session.id)).participants.map((p) => p.user_id)).toEqual([customer.id]);
      await stack.restart('gateway-b');
    });

    it('shows support who is online, and only support', async () => {
      const { session } = await conversation();
      const online = await api(stack.gatewayA, 'GET', '/api/v1/chat/agents/online', { token: agent.token });
      expect(online.status).toBe(200);
      const me = (online.body.data as OnlineAgent[]).find((a) => a.user_id === agent.id);
      expect(me).toEqual(expect.objectContaining({ role: 'support', name: 'Sam Support', connections: 1, session_ids: [session.id] }));
      const refused = await api(stack.gatewayB, 'GET', '/api/v1/chat/agents/online', { token: customer.token });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ success: false, error: { code: 'PERMISSION_DENIED', message: expect.any(String) } });
    });
  });

  describe('typing', () => {
    it('tells the others, not the typist, once per burst, and when it stops', async () => {
      const { session, customerSocket, agentSocket } = await conversation();
      const atCustomer = collect<UserTypingEvent>(customerSocket, 'user_typing');
      const atAgent = collect<UserTypingEvent>(agentSocket, 'user_typing');
      for (let i = 0; i < 5; i += 1) expect(await request(agentSocket, 'typing', { session_id: session.id })).toEqual({ ok: true, data: { session_id: session.id } });
      await eventually(() => expect(atCustomer).toEqual([{ session_id: session.id, user_id: agent.id, user_name: 'Sam Support' }]), 10_000);

      const stopped = waitFor<TypingStoppedEvent>(customerSocket, 'typing_stopped', (e) => e.user_id === agent.id, 10_000);
      expect((await request(agentSocket, 'stop_typing', { session_id: session.id })).ok).toBe(true);
      expect(await stopped).toEqual({ session_id: session.id, user_id: agent.id });
      await sleep(300);
      expect(atCustomer).toHaveLength(1);
      expect(atAgent).toEqual([]);
    });

    it('expires an indicator nobody stops', async () => {
      const { session, customerSocket, agentSocket } = await conversation();
      const started = waitFor<UserTypingEvent>(agentSocket, 'user_typing', (e) => e.user_id === customer.id, 10_000);
      await request(customerSocket, 'typing', { session_id: session.id });
      await started;
      const typedAt = Date.now();
      const stopped = await waitFor<TypingStoppedEvent>(agentSocket, 'typing_stopped', (e) => e.user_id === customer.id, 10_000);
      expect(stopped).toEqual({ session_id: session.id, user_id: customer.id });
      expect(Date.now() - typedAt).toBeGreaterThanOrEqual(1500); // the 2 s expiry, give or take a sweep
    });

    it('stops the indicator of a typist who closes the tab', async () => {
      const { session, customerSocket, agentSocket } = await conversation();
      const started = waitFor(customerSocket, 'user_typing', () => true, 10_000);
      await request(agentSocket, 'typing', { session_id: session.id });
      await started;
      const stopped = waitFor<TypingStoppedEvent>(customerSocket, 'typing_stopped', (e) => e.user_id === agent.id, 10_000);
      const sweepFree = Date.now();
      agentSocket.close();
      await stopped;
      expect(Date.now() - sweepFree).toBeLessThan(1500); // at once, not at expiry
    });
  });

  describe('read receipts', () => {
    it('marks by id and everything, tells the other side on the other gateway, and keeps unread counts per user', async () => {
      const { session, customerSocket, agentSocket } = await conversation('First');
      const second = await send(customerSocket, session.id, 'Second');
      const third = await send(customerSocket, session.id, 'Third');
      expect((await detail(agent, session.id)).unread_count).toBe(3);
      expect((await detail(customer, session.id)).unread_count).toBe(0);

      const readAtCustomer = collect<MessagesReadEvent>(customerSocket, 'messages_read');
      const readAtAgent = collect<MessagesReadEvent>(agentSocket, 'messages_read');
      const marked = await request<MessagesReadEvent>(agentSocket, 'mark_as_read', { session_id: session.id, message_ids: [second.message_id] });
      expect(marked).toEqual({ ok: true, data: { session_id: session.id, user_id: agent.id, message_ids: [second.message_id] } });
      await eventually(() => expect(readAtCustomer).toEqual([{ session_id: session.id, user_id: agent.id, message_ids: [second.message_id] }]), 10_000);
      expect((await detail(agent, session.id)).unread_count).toBe(2);

      const rest = await api(stack.gatewayB, 'POST', `/api/v1/chat/sessions/${session.id}/read`, { token: agent.token });
      expect(rest.status).toBe(200);
      expect(rest.body).toEqual(expect.objectContaining({ success: true, message: 'Messages marked as read' }));
      await eventually(() => expect(readAtCustomer).toHaveLength(2), 10_000);
      expect(readAtCustomer[1].message_ids.sort()).toEqual([session.last_message?.id, third.message_id].sort());
      expect((await detail(agent, session.id)).unread_count).toBe(0);

      // Twice is harmless: nothing new, nothing announced.
      const again = await api(stack.gatewayA, 'POST', `/api/v1/chat/sessions/${session.id}/read`, { token: agent.token, body: {} });
      expect(again.body).toEqual({ success: true, message: 'Messages marked as read', data: { message_ids: [] } });
      const { messages } = await history(stack.gatewayA, customer, session.id);
      for (const m of messages) expect(m.read_by).toEqual([{ user_id: agent.id, read_at: expect.any(String) }]);

      // The other way: the agent (having taken the chat) replies; unread for the customer until read.
      await accept(agentSocket, session.id);
      await send(agentSocket, session.id, 'On it');
      await eventually(async () => expect((await detail(customer, session.id)).unread_count).toBe(1), 10_000);
      await request(customerSocket, 'mark_as_read', { session_id: session.id });
      expect((await detail(customer, session.id)).unread_count).toBe(0);
      await eventually(() => expect(readAtAgent.map((e) => e.user_id)).toEqual([customer.id]), 10_000);
      await sleep(300);
      expect(readAtCustomer).toHaveLength(2);
    });
  });

  describe('bad input', () => {
    it('answers every bad typing and mark_as_read with the error event and the ack, changing nothing', async () => {
      const { session, customerSocket, agentSocket } = await conversation('Hello');
      const other = await openSession(stack.gatewayA, customer, { initial_message: 'Elsewhere' });
      const mine = await send(customerSocket, session.id, 'Mine');
      const stranger = await sockets.connect(stack.gatewayB, testUser('customer', 'Stranger'));
      const notJoined = await sockets.connect(stack.gatewayA, agent);
      const seenByCustomer = [...collect(customerSocket, 'user_typing'), ...collect(customerSocket, 'messages_read')];
      const unknown = randomUUID();
      const cases: Array<[ClientSocket, string, unknown, string]> = [
        [agentSocket, 'typing', undefined, 'INVALID_ARGUMENT'],
        [agentSocket, 'typing', { session_id: 'nope' }, 'INVALID_ARGUMENT'],
        [agentSocket, 'typing', { session_id: session.id, extra: 1 }, 'INVALID_ARGUMENT'],
        [notJoined, 'typing', { session_id: session.id }, 'PERMISSION_DENIED'],
        [stranger, 'typing', { session_id: session.id }, 'PERMISSION_DENIED'],
        [agentSocket, 'stop_typing', { session_id: 42 }, 'INVALID_ARGUMENT'],
        [stranger, 'stop_typing', { session_id: session.id }, 'PERMISSION_DENIED'],
        [agentSocket, 'mark_as_read', { session_id: session.id, message_ids: [] }, 'INVALID_ARGUMENT'],
        [agentSocket, 'mark_as_read', { session_id: session.id, message_ids: ['x'] }, 'INVALID_ARGUMENT'],
        [agentSocket, 'mark_as_read', { session_id: session.id, message_ids: 'all' }, 'INVALID_ARGUMENT'],
        [agentSocket, 'mark_as_read', { session_id: session.id, colour: 'red' }, 'INVALID_ARGUMENT'],
        [agentSocket, 'mark_as_read', { session_id: session.id, message_ids: [other.last_message?.id] }, 'NOT_FOUND'],
        [agentSocket, 'mark_as_read', { session_id: session.id, message_ids: [unknown] }, 'NOT_FOUND'],
        [customerSocket, 'mark_as_read', { session_id: session.id, message_ids: [mine.message_id] }, 'INVALID_ARGUMENT'],
        [stranger, 'mark_as_read', { session_id: session.id }, 'PERMISSION_DENIED'],
        [agentSocket, 'mark_as_read', { session_id: unknown }, 'NOT_FOUND'],
      ];
      for (const [socket, event, payload, code] of cases) {
        const error = waitFor<{ code: string; event: string }>(socket, 'error', (e) => e.event === event);
        const answer = await request(socket, event, payload);
        expect({ event, payload, ok: answer.ok, code: answer.error?.code }).toEqual({ event, payload, ok: false, code });
        expect(answer.error?.message).toEqual(expect.any(String));
        expect((await error).code).toBe(code);
      }
      expect((await detail(agent, session.id)).unread_count).toBe(2);
      await sleep(500);
      expect(seenByCustomer).toEqual([]);
    });

    it('answers every bad POST /read with the REST envelope and its status, changing nothing', async () => {
      const session = await openSession(stack.gatewayA, customer, { initial_message: 'Hello' });
      const path = `/api/v1/chat/sessions/${session.id}/read`;
      const cases: Array<[string, string, { token?: string; body?: unknown; rawBody?: string }, number, string]> = [
        ['no token', path, { body: {} }, 401, 'UNAUTHENTICATED'],
        ['a bad session id', '/api/v1/chat/sessions/nope/read', { token: agent.token }, 400, 'INVALID_ARGUMENT'],
        ['an unknown session', `/api/v1/chat/sessions/${randomUUID()}/read`, { token: agent.token }, 404, 'NOT_FOUND'],
        ["someone else's session", path, { token: testUser('customer').token }, 403, 'PERMISSION_DENIED'],
        ['an empty id list', path, { token: agent.token, body: { message_ids: [] } }, 400, 'INVALID_ARGUMENT'],
        ['an unknown field', path, { token: agent.token, body: { all: true } }, 400, 'INVALID_ARGUMENT'],
        ['bad JSON', path, { token: agent.token, rawBody: '{"message_ids":' }, 400, 'INVALID_ARGUMENT'],
        ['an unknown message', path, { token: agent.token, body: { message_ids: [randomUUID()] } }, 404, 'NOT_FOUND'],
        ["one's own message", path, { token: customer.token, body: { message_ids: [session.last_message?.id] } }, 400, 'INVALID_ARGUMENT'],
      ];
      for (const [label, url, options, status, code] of cases) {
        const response = await api(stack.gatewayB, 'POST', url, options);
        expect({ label, status: response.status, body: response.body }).toEqual({ label, status, body: { success: false, error: { code, message: expect.any(String) } } });
      }
      expect((await detail(agent, session.id)).unread_count).toBe(1);
      const { messages } = await history(stack.gatewayA, customer, session.id);
      expect(messages.map((m) => m.read_by)).toEqual([[]]);
    });
  });
});
