import type { AvailabilityChangedEvent, ChatAcceptedEvent, ChatRequeuedEvent, ChatSessionView } from '@parley/contracts';
import { api, collect, eventually, request, testUser, waitFor, type ClientSocket, type TestUser } from '@parley/testing';
import { SocketPool, join, openSession, send, sleep, stateOf, story } from './support/chat-client';
import { startStack, type Stack } from './support/stack';

/**
 * Auto-assignment across two gateways (least loaded, two chats per agent), availability, and chats
 * handed back when their agent disappears (3 s grace) or does not answer (6 s).
 */
jest.setTimeout(90_000);

const MAX_CHATS = 2;
const OFFLINE_GRACE_MS = 3000;
const REPLY_TIMEOUT_MS = 6000;

describe('auto-assignment, availability and unanswered chats, across two gateways', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const admin = testUser('admin', 'Ada Admin');

  beforeAll(async () => {
    stack = await startStack({
      label: 'assign',
      sessionEnv: {
        AUTO_ASSIGN: 'least_loaded',
        AGENT_MAX_CHATS: String(MAX_CHATS),
        AGENT_OFFLINE_GRACE_MS: String(OFFLINE_GRACE_MS),
        AGENT_REPLY_TIMEOUT_MS: String(REPLY_TIMEOUT_MS),
        ASSIGN_INTERVAL_MS: '500',
      },
    });
  }, 120_000);

  // The agents leave first (so nothing more is assigned), then every chat is closed before the
  // grace period could requeue it: each test starts with an empty queue and nobody online.
  afterEach(async () => {
    sockets.closeAll();
    await eventually(async () => {
      for (const status of ['active', 'resolved', 'waiting']) {
        const { body } = await api(stack.gatewayA, 'GET', `/api/v1/chat/sessions?status=${status}&limit=100`, { token: admin.token });
        for (const session of body.data as ChatSessionView[]) {
          if (status === 'active') await setStatus(admin, session.id, 'resolved');
          await setStatus(admin, session.id, 'closed');
        }
      }
      expect(await openChats()).toBe(0);
    }, 10_000);
  });

  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  const openChats = async () => {
    const { body } = await api(stack.gatewayA, 'GET', '/api/v1/chat/sessions?limit=100', { token: admin.token });
    return (body.data as ChatSessionView[]).filter((s) => s.status !== 'closed').length;
  };

  async function setStatus(user: TestUser, sessionId: string, status: string): Promise<void> {
    const answer = await api(stack.gatewayA, 'PATCH', `/api/v1/chat/sessions/${sessionId}/status`, { token: user.token, body: { status } });
    if (answer.status !== 200) throw new Error(`PATCH status ${status} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }

  /** An agent who joins every chat given to them and greets the customer at once (or never, when silent). */
  async function agent(gateway: string, user: TestUser, { silent = false } = {}) {
    const socket = await sockets.connect(gateway, user);
    const given: string[] = [];
    socket.on('chat_accepted', (event: ChatAcceptedEvent) => {
      if (event.agent_id !== user.id || given.includes(event.session.id)) return;
      given.push(event.session.id);
      if (silent) return;
      // A test may close the socket meanwhile: the greeting is then simply not sent.
      join(socket, event.session.id)
        .then(() => send(socket, event.session.id, `Hi, ${user.name} here`))
        .catch(() => undefined);
    });
    return { user, socket, given };
  }

  /** A customer's chat, opened on `gateway` and joined there. */
  async function chat(gateway: string, name: string) {
    const customer = testUser('customer', name);
    const session = await openSession(gateway, customer, { initial_message: 'Where is my order?' });
    const socket = await sockets.connect(gateway, customer);
    await join(socket, session.id);
    return { customer, session, socket, requeued: collect<ChatRequeuedEvent>(socket, 'chat_requeued') };
  }

  const assignedTo = async (user: TestUser) =>
    ((await api(stack.gatewayB, 'GET', '/api/v1/chat/sessions?assigned=me&status=active', { token: user.token })).body.data as ChatSessionView[]).map((s) => s.id);
  const waitingIds = async () => ((await api(stack.gatewayA, 'GET', '/api/v1/chat/sessions?status=waiting', { token: admin.token })).body.data as ChatSessionView[]).map((s) => s.id);

  it('shares chats between agents on both gateways up to their capacity; the rest wait and go to whoever frees up', async () => {
    const ana = await agent(stack.gatewayA, testUser('support', 'Ana'));
    const bo = await agent(stack.gatewayB, testUser('support', 'Bo'));
    const chats = [];
    for (let i = 0; i < 5; i += 1) chats.push(await chat(i % 2 === 0 ? stack.gatewayA : stack.gatewayB, `Customer ${i}`));

    await eventually(async () => {
      expect((await assignedTo(ana.user)).length).toBe(MAX_CHATS);
      expect((await assignedTo(bo.user)).length).toBe(MAX_CHATS);
    }, 15_000);
    const [left] = await waitingIds();
    // The chat that waits is the newest: the queue goes in order.
    expect(left).toBe(chats[4].session.id);
    await sleep(1500);
    expect(await waitingIds()).toEqual([left]);

    // Each customer sees who has their chat, and the history says Parley assigned it.
    for (const c of chats.filter((x) => x.session.id !== left)) {
      const { agent_id } = await stateOf(stack.gatewayA, c.customer, c.session.id);
      const name = agent_id === ana.user.id ? 'Ana' : 'Bo';
      await eventually(async () => expect(await story(stack.gatewayA, c.customer, c.session.id)).toEqual([`Parley assigned the chat to ${name}`]));
    }

    // Ana resolves a chat: the waiting one is hers now, and nobody ever holds more than two.
    await setStatus(ana.user, ana.given[0], 'resolved');
    await eventually(async () => expect(await stateOf(stack.gatewayA, admin, left)).toEqual({ status: 'active', agent_id: ana.user.id }), 10_000);
    expect((await assignedTo(bo.user)).length).toBe(MAX_CHATS);

    // They all answered: past the reply time, every chat is still with its agent.
    await sleep(REPLY_TIMEOUT_MS + 1500);
    expect((await assignedTo(ana.user)).sort()).toEqual([...ana.given.slice(1)].sort());
    expect((await assignedTo(bo.user)).sort()).toEqual([...bo.given].sort());
    expect(chats.every((c) => c.requeued.length === 0)).toBe(true);
  });

  it('gives an away agent no new chats, and gives them again once they are available', async () => {
    const cy = await agent(stack.gatewayA, testUser('support', 'Cy'));
    const dee = await agent(stack.gatewayB, testUser('support', 'Dee'));
    const heard = waitFor<AvailabilityChangedEvent>(cy.socket, 'availability_changed', (e) => e.agent_id === dee.user.id);
    expect(await request(dee.socket, 'set_availability', { status: 'away' })).toEqual({ ok: true, data: { agent_id: dee.user.id, agent_name: 'Dee', status: 'away' } });
    expect(await heard).toEqual({ agent_id: dee.user.id, agent_name: 'Dee', status: 'away' });
    const online = await api(stack.gatewayA, 'GET', '/api/v1/chat/agents/online', { token: admin.token });
    expect(online.body.data).toContainEqual(expect.objectContaining({ user_id: dee.user.id, availability: 'away' }));

    const chats = [await chat(stack.gatewayA, 'Eli'), await chat(stack.gatewayB, 'Flo'), await chat(stack.gatewayA, 'Gus')];
    await eventually(async () => expect((await assignedTo(cy.user)).length).toBe(MAX_CHATS), 10_000);
    await sleep(1500);
    expect(await assignedTo(dee.user)).toEqual([]);
    expect(await waitingIds()).toEqual([chats[2].session.id]);

    const back = await api(stack.gatewayB, 'PUT', '/api/v1/chat/agents/me/availability', { token: dee.user.token, body: { status: 'available' } });
    expect(back.body).toEqual({ success: true, data: { agent_id: dee.user.id, agent_name: 'Dee', status: 'available' } });
    await eventually(async () => expect(await assignedTo(dee.user)).toEqual([chats[2].session.id]), 10_000);
  });

  it('hands a chat to the next agent when its agent disappears past the grace period', async () => {
    const hal = await agent(stack.gatewayB, testUser('support', 'Hal'));
    const { customer, session, socket, requeued } = await chat(stack.gatewayA, 'Ida');
    await eventually(() => expect(hal.given).toEqual([session.id]), 10_000);
    // Hal vanishes; Ivy, on the other gateway, is there to take over.
    const ivy = await agent(stack.gatewayA, testUser('support', 'Ivy'));
    const toIvy = waitFor<ChatAcceptedEvent>(socket, 'chat_accepted', (e) => e.agent_id === ivy.user.id, OFFLINE_GRACE_MS + 10_000);
    const vanishedAt = Date.now();
    hal.socket.close();

    const takenOver = await toIvy;
    expect(Date.now() - vanishedAt).toBeGreaterThanOrEqual(OFFLINE_GRACE_MS - 500);
    expect(requeued).toEqual([{ session: expect.objectContaining({ id: session.id, status: 'waiting', agent_id: null }), from_agent_id: hal.user.id, reason: 'agent_offline' }]);
    expect(takenOver.session).toEqual(expect.objectContaining({ id: session.id, status: 'active', agent_id: ivy.user.id }));
    await eventually(async () =>
      expect(await story(stack.gatewayA, customer, session.id)).toEqual([
        'Parley assigned the chat to Hal',
        'Hal went offline; the chat is back in the queue',
        'Parley assigned the chat to Ivy',
      ]),
    );
  });

  it('takes a chat from an agent who does not answer in time and gives it to another', async () => {
    const jo = await agent(stack.gatewayA, testUser('support', 'Jo'), { silent: true });
    const { customer, session, socket, requeued } = await chat(stack.gatewayB, 'Kai');
    await eventually(() => expect(jo.given).toEqual([session.id]), 10_000);
    const kim = await agent(stack.gatewayB, testUser('support', 'Kim'));
    const toKim = waitFor<ChatAcceptedEvent>(socket, 'chat_accepted', (e) => e.agent_id === kim.user.id, REPLY_TIMEOUT_MS + 10_000);

    await toKim;
    expect(requeued).toEqual([expect.objectContaining({ from_agent_id: jo.user.id, reason: 'no_reply' })]);
    await eventually(async () => expect(await story(stack.gatewayB, customer, session.id)).toContain('Jo did not reply in time; the chat is back in the queue'));
    // Kim answered: the chat stays with Kim past the reply time.
    await sleep(REPLY_TIMEOUT_MS + 1000);
    expect(await stateOf(stack.gatewayB, customer, session.id)).toEqual({ status: 'active', agent_id: kim.user.id });
  });

  it('lets only support agents set their availability, over the socket and REST, and refuses bad input changing nothing', async () => {
    const outcomes: string[] = [];
    for (const role of ['customer', 'restaurant', 'support', 'admin'] as const) {
      const user = testUser(role, `A ${role}`);
      const socket: ClientSocket = await sockets.connect(stack.gatewayA, user);
      const viaSocket = await request(socket, 'set_availability', { status: 'away' });
      const viaRest = await api(stack.gatewayB, 'PUT', '/api/v1/chat/agents/me/availability', { token: user.token, body: { status: 'away' } });
      outcomes.push(`${role}: ${viaSocket.ok ? 'ok' : viaSocket.error?.code} / ${viaRest.status}`);
    }
    expect(outcomes).toEqual(['customer: PERMISSION_DENIED / 403', 'restaurant: PERMISSION_DENIED / 403', 'support: ok / 200', 'admin: PERMISSION_DENIED / 403']);

    const max = await agent(stack.gatewayB, testUser('support', 'Max'));
    for (const bad of [{ status: 'asleep' }, {}, { status: 'away', until: 'lunch' }, ['away'], 'away']) {
      expect(await request(max.socket, 'set_availability', bad)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }) });
      const rest = await api(stack.gatewayA, 'PUT', '/api/v1/chat/agents/me/availability', { token: max.user.token, body: bad });
      expect(rest).toEqual({ status: 400, body: { success: false, error: { code: 'INVALID_ARGUMENT', message: expect.any(String) } } });
    }
    const online = await api(stack.gatewayA, 'GET', '/api/v1/chat/agents/online', { token: admin.token });
    expect(online.body.data).toContainEqual(expect.objectContaining({ user_id: max.user.id, availability: 'available' }));
  });
});
