import type {
  ChatAcceptedEvent,
  ChatClosedEvent,
  ChatSessionView,
  ChatTransferredEvent,
  NewMessageEvent,
  QueuePositionEvent,
  QueueUpdatedEvent,
  SessionJoinedEvent,
  SessionQueuedEvent,
  SessionStatusChangedEvent,
} from '@parley/contracts';
import { api, collect, eventually, request, testUser, waitFor, type TestUser } from '@parley/testing';
import { SocketPool, accept, history, join, openSession, refused, send, sleep, stateOf, story } from './support/chat-client';
import { startStack, type Stack } from './support/stack';

/**
 * Agents at work across two gateways: customers on gateway A, agents on gateway B (and a watching
 * agent on A). Accept, the accept race, the live queue, transfer and the lifecycle to closed.
 */
jest.setTimeout(60_000);

describe('agents at work, customer on gateway A and agents on gateway B', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const admin = testUser('admin', 'Ada Admin');

  beforeAll(async () => {
    stack = await startStack({ label: 'agents' });
  }, 120_000);

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  /** A chat the customer opened on A and joined there. */
  async function waitingChat(customer: TestUser, body: Record<string, unknown> = {}) {
    const session = await openSession(stack.gatewayA, customer, { initial_message: 'Where is my order?', ...body });
    const customerSocket = await sockets.connect(stack.gatewayA, customer);
    await join(customerSocket, session.id);
    return { session, customerSocket, customer };
  }

  const forSession = <T extends { session?: { id: string }; session_id?: string }>(events: T[], id: string) =>
    events.filter((e) => (e.session?.id ?? e.session_id) === id);

  it('accept_chat on B: the customer on A and every agent hear it once, the agent joins, the history says so', async () => {
    const customer = testUser('customer', 'Carla Customer');
    const ana = testUser('support', 'Ana Agent');
    const watcher = testUser('support', 'Walt Watcher');
    // The watching agent connects first: gateway A then follows every chat's lifecycle.
    const watcherSocket = await sockets.connect(stack.gatewayA, watcher);
    const watcherAccepted = collect<ChatAcceptedEvent>(watcherSocket, 'chat_accepted');
    const watcherStatus = collect<SessionStatusChangedEvent>(watcherSocket, 'session_status_changed');
    const { session, customerSocket } = await waitingChat(customer);
    const customerAccepted = collect<ChatAcceptedEvent>(customerSocket, 'chat_accepted');
    const customerStatus = collect<SessionStatusChangedEvent>(customerSocket, 'session_status_changed');
    const systemAtCustomer = waitFor<NewMessageEvent>(customerSocket, 'new_message', (e) => e.message.message_type === 'system', 10_000);

    const anaSocket = await sockets.connect(stack.gatewayB, ana);
    const joined = waitFor<SessionJoinedEvent>(anaSocket, 'session_joined', (e) => e.session.id === session.id, 10_000);
    const ack = await accept(anaSocket, session.id);
    expect(ack).toEqual({ session: expect.objectContaining({ id: session.id, status: 'active', agent_id: ana.id, agent_name: 'Ana Agent' }), agent_id: ana.id, agent_name: 'Ana Agent' });
    const anaJoined = await joined;
    expect(anaJoined.session).toEqual(expect.objectContaining({ id: session.id, status: 'active', agent_id: ana.id }));
    expect(anaJoined.messages[0]).toEqual(expect.objectContaining({ seq: 1, content: 'Where is my order?' }));
    expect(anaJoined.participants).toContainEqual({ user_id: ana.id, role: 'support', name: 'Ana Agent' });

    const expectedAccepted = { session: expect.objectContaining({ id: session.id, status: 'active', agent_id: ana.id }), agent_id: ana.id, agent_name: 'Ana Agent' };
    const expectedStatus = { session_id: session.id, status: 'active', agent_id: ana.id };
    await eventually(() => {
      expect(customerAccepted).toEqual([expectedAccepted]);
      expect(customerStatus).toEqual([expectedStatus]);
      expect(forSession(watcherAccepted, session.id)).toEqual([expectedAccepted]);
      expect(forSession(watcherStatus, session.id)).toEqual([expectedStatus]);
    }, 10_000);
    expect((await systemAtCustomer).message).toEqual(
      expect.objectContaining({ seq: 2, message_type: 'system', sender_role: 'system', content: 'Ana Agent accepted the chat' }),
    );
    await sleep(1000); // a duplicate would arrive now
    expect(customerAccepted).toHaveLength(1);
    expect(customerStatus).toHaveLength(1);
    expect(forSession(watcherAccepted, session.id)).toHaveLength(1);
    expect(forSession(watcherStatus, session.id)).toHaveLength(1);
    expect(await story(stack.gatewayA, customer, session.id)).toEqual(['Ana Agent accepted the chat']);
    expect(await stateOf(stack.gatewayA, customer, session.id)).toEqual({ status: 'active', agent_id: ana.id });

    // The agent, in the chat at once, hears the customer.
    const heard = waitFor<NewMessageEvent>(anaSocket, 'new_message', (e) => e.message.content === 'thanks!', 10_000);
    await send(customerSocket, session.id, 'thanks!');
    expect((await heard).message.seq).toBe(3);
  });

  it('four agents on both gateways accept at once: exactly one wins, the others are told who did', async () => {
    const agents = ['Ann One', 'Ben Two', 'Cid Three', 'Dee Four'].map((name) => testUser('support', name));
    const agentSockets = await Promise.all(agents.map((a, i) => sockets.connect(i % 2 === 0 ? stack.gatewayB : stack.gatewayA, a)));
    for (let round = 1; round <= 3; round += 1) {
      const { session, customerSocket } = await waitingChat(testUser('customer', `Racer ${round}`));
      const atCustomer = collect<ChatAcceptedEvent>(customerSocket, 'chat_accepted');
      const answers = await Promise.all(agentSockets.map((s) => request<ChatAcceptedEvent>(s, 'accept_chat', { session_id: session.id }, 15_000)));
      const winners = answers.flatMap((a, i) => (a.ok ? [agents[i]] : []));
      expect(winners).toHaveLength(1);
      const [winner] = winners;
      const losers = answers.filter((a) => !a.ok);
      expect(losers).toEqual(
        Array.from({ length: 3 }, () => ({ ok: false, error: expect.objectContaining({ code: 'ABORTED', message: `${winner.name} accepted this chat first`, event: 'accept_chat' }) })),
      );
      await eventually(() => expect(atCustomer).toHaveLength(1), 10_000);
      await sleep(1000);
      expect(atCustomer).toEqual([expect.objectContaining({ agent_id: winner.id, agent_name: winner.name })]);
      expect(await stateOf(stack.gatewayA, admin, session.id)).toEqual({ status: 'active', agent_id: winner.id });
      await eventually(async () => expect(await story(stack.gatewayA, admin, session.id)).toEqual([`${winner.name} accepted the chat`]), 10_000);
    }
  });

  it('assign over REST racing an accept: one wins, every other is told who has the chat', async () => {
    const agents = ['Rex One', 'Rae Two', 'Roy Three', 'Ria Four'].map((name) => testUser('support', name));
    const { session } = await waitingChat(testUser('customer', 'Rush Hour'));
    const viaSocket = await sockets.connect(stack.gatewayB, agents[3]);
    const outcomes = await Promise.all([
      ...agents.slice(0, 3).map(async (a, i) => {
        const r = await api(i % 2 ? stack.gatewayA : stack.gatewayB, 'POST', `/api/v1/chat/sessions/${session.id}/assign`, { token: a.token, body: {} });
        return r.status === 200 ? { ok: true } : { ok: false, http: r.status, ...r.body.error };
      }),
      request(viaSocket, 'accept_chat', { session_id: session.id }, 15_000).then((r) => (r.ok ? { ok: true } : { ok: false, http: 409, ...r.error })),
    ]);
    const winners = agents.filter((_, i) => outcomes[i].ok);
    expect(winners).toHaveLength(1);
    const losers = outcomes.filter((o) => !o.ok);
    // The same situation earns the same clear answer, whichever way the loser asked: who has the chat.
    expect(losers).toEqual(Array.from({ length: 3 }, () => expect.objectContaining({ http: 409, code: 'ABORTED', message: expect.stringContaining(winners[0].name) })));
    expect(await stateOf(stack.gatewayA, admin, session.id)).toEqual({ status: 'active', agent_id: winners[0].id });
  });

  it('an agent who looked at a waiting chat and then accepts it gets every later message once', async () => {
    const { session, customerSocket } = await waitingChat(testUser('customer', 'Pat Patient'));
    const agentSocket = await sockets.connect(stack.gatewayB, testUser('support', 'Lou Looker'));
    await join(agentSocket, session.id);
    const live = collect<NewMessageEvent>(agentSocket, 'new_message');
    const rejoined = waitFor<SessionJoinedEvent>(agentSocket, 'session_joined', (e) => e.session.id === session.id, 10_000);
    await accept(agentSocket, session.id);
    const { messages } = await rejoined;
    for (let i = 1; i <= 20; i += 1) void send(customerSocket, session.id, `after accept ${i}`);
    await eventually(() => expect(live.filter((e) => e.message.content.startsWith('after accept'))).toHaveLength(20), 15_000);
    await sleep(1000);
    // Live: each message once, in seq order; with the history the accept's session_joined held, 1..22.
    const liveSeqs = live.map((e) => e.message.seq);
    expect(liveSeqs).toEqual([...new Set(liveSeqs)].sort((a, b) => a - b));
    expect([...new Set([...messages.map((m) => m.seq), ...liveSeqs])].sort((a, b) => a - b)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it('live queue: agents see new chats and the queue, waiting customers their place; support lists it by priority then age', async () => {
    const agent = testUser('support', 'Quinn Queue');
    const agentSocket = await sockets.connect(stack.gatewayB, agent);
    const queued = collect<SessionQueuedEvent>(agentSocket, 'session_queued');
    const queues = collect<QueueUpdatedEvent>(agentSocket, 'queue_updated');
    await sleep(300); // gateway B binds the lifecycle events once it has an agent

    const ahead = await waitingChat(testUser('customer', 'Early Urgent'), { priority: 'urgent' });
    await eventually(() => expect(forSession(queued, ahead.session.id)).toEqual([{ session: expect.objectContaining({ id: ahead.session.id, status: 'waiting', priority: 'urgent' }) }]), 10_000);
    await eventually(() => expect(queues.at(-1)?.waiting).toContain(ahead.session.id), 10_000);
    const behind = await waitingChat(testUser('customer', 'Late Low'), { priority: 'low' });
    await eventually(() => expect(forSession(queued, behind.session.id)).toHaveLength(1), 10_000);
    await eventually(() => {
      const last = queues.at(-1) as QueueUpdatedEvent;
      expect(last.waiting).toEqual(expect.arrayContaining([ahead.session.id, behind.session.id]));
      expect(last.waiting.indexOf(ahead.session.id)).toBeLessThan(last.waiting.indexOf(behind.session.id));
      expect(last.total).toBeGreaterThanOrEqual(2);
    }, 10_000);

    // The waiting customer's place moves up when a chat ahead of it is taken.
    const before = (await api(stack.gatewayA, 'GET', `/api/v1/chat/sessions/${behind.session.id}`, { token: behind.customer.token })).body.data;
    expect(before.queue_position).toBeGreaterThanOrEqual(2);
    const positions = collect<QueuePositionEvent>(behind.customerSocket, 'queue_position');
    await accept(agentSocket, ahead.session.id);
    await eventually(() => expect(positions.at(-1)).toEqual({ session_id: behind.session.id, position: before.queue_position - 1, waiting: expect.any(Number) }), 10_000);
    expect(queues.at(-1)?.waiting).not.toContain(ahead.session.id);

    // The customer behind withdraws: the agents hear it and the queue drops it.
    const closedAtAgent = waitFor<ChatClosedEvent>(agentSocket, 'chat_closed', (e) => e.session.id === behind.session.id, 10_000);
    expect(await request(behind.customerSocket, 'close_chat', { session_id: behind.session.id })).toEqual(expect.objectContaining({ ok: true }));
    expect(await closedAtAgent).toEqual({ session: expect.objectContaining({ status: 'closed' }), closed_by: behind.customer.id });
    await eventually(() => expect(queues.at(-1)?.waiting).not.toContain(behind.session.id), 10_000);
    await eventually(async () => expect(await story(stack.gatewayA, admin, behind.session.id)).toEqual(['Late Low closed the chat']), 10_000);

    // The queue over REST: most urgent first, then the longest waiting, with each one's place.
    const opened: ChatSessionView[] = [];
    for (const priority of ['low', 'urgent', 'medium', 'high', 'urgent', 'low']) opened.push(await openSession(stack.gatewayB, testUser('customer'), { priority }));
    const list = await api(stack.gatewayB, 'GET', '/api/v1/chat/sessions?status=waiting&limit=200', { token: agent.token });
    expect(list.status).toBe(200);
    const queue = list.body.data as ChatSessionView[];
    expect(queue.map((s) => s.queue_position)).toEqual(queue.map((_, i) => i + 1));
    const rank = { urgent: 0, high: 1, medium: 2, low: 3 } as Record<string, number>;
    const ordered = [...queue].sort((a, b) => rank[a.priority] - rank[b.priority] || a.created_at.localeCompare(b.created_at));
    expect(queue.map((s) => s.id)).toEqual(ordered.map((s) => s.id));
    const ids = queue.map((s) => s.id).filter((id) => opened.some((o) => o.id === id));
    expect(ids).toEqual([opened[1], opened[4], opened[3], opened[2], opened[0], opened[5]].map((s) => s.id));
    expect(queue.every((s) => s.status === 'waiting')).toBe(true);
  });

  it('transfer (socket and REST), resolve, reopen, resolve, close: every step heard on both sides and told in the history', async () => {
    const customer = testUser('customer', 'Tina Traveller');
    const [first, second, third] = ['Fay First', 'Sol Second', 'Tom Third'].map((name) => testUser('support', name));
    const { session, customerSocket } = await waitingChat(customer);
    const [firstSocket, secondSocket, thirdSocket] = await Promise.all([first, second, third].map((a) => sockets.connect(stack.gatewayB, a)));
    const atCustomer = {
      transferred: collect<ChatTransferredEvent>(customerSocket, 'chat_transferred'),
      status: collect<SessionStatusChangedEvent>(customerSocket, 'session_status_changed'),
      closed: collect<ChatClosedEvent>(customerSocket, 'chat_closed'),
    };
    const atFirst = collect<ChatTransferredEvent>(firstSocket, 'chat_transferred');
    const atSecond = collect<ChatTransferredEvent>(secondSocket, 'chat_transferred');
    const atThird = { transferred: collect<ChatTransferredEvent>(thirdSocket, 'chat_transferred'), closed: collect<ChatClosedEvent>(thirdSocket, 'chat_closed') };
    await accept(firstSocket, session.id);
    const patch = (user: TestUser, status: string) => api(stack.gatewayB, 'PATCH', `/api/v1/chat/sessions/${session.id}/status`, { token: user.token, body: { status } });
    const told = (lines: string[]) => eventually(async () => expect(await story(stack.gatewayA, customer, session.id)).toEqual(lines), 10_000);
    const lines = ['Fay First accepted the chat'];
    await told(lines);

    // Socket transfer_chat: first → second.
    const viaSocket = await request<ChatTransferredEvent>(firstSocket, 'transfer_chat', { session_id: session.id, agent_id: second.id, agent_name: second.name });
    const toSecond = { session: expect.objectContaining({ id: session.id, status: 'active', agent_id: second.id }), from_agent_id: first.id, to_agent_id: second.id, to_agent_name: 'Sol Second' };
    expect(viaSocket).toEqual({ ok: true, data: toSecond });
    await eventually(() => {
      expect(atCustomer.transferred).toEqual([toSecond]);
      expect(forSession(atFirst, session.id)).toEqual([toSecond]);
      expect(forSession(atSecond, session.id)).toEqual([toSecond]);
      expect(atCustomer.status.at(-1)).toEqual({ session_id: session.id, status: 'active', agent_id: second.id });
    }, 10_000);
    await told([...lines, 'Fay First transferred the chat to Sol Second']);
    lines.push('Fay First transferred the chat to Sol Second');
    expect((await send(secondSocket, session.id, 'Sol here, I have your chat now')).seq).toBeGreaterThan(0);
    expect((await refused(firstSocket, 'send_message', { session_id: session.id, content: 'still me?' })).error.code).toBe('PERMISSION_DENIED');

    // REST transfer: second → third.
    const viaRest = await api(stack.gatewayB, 'POST', `/api/v1/chat/sessions/${session.id}/transfer`, { token: second.token, body: { agent_id: third.id, agent_name: third.name } });
    expect(viaRest).toEqual({ status: 200, body: { success: true, data: expect.objectContaining({ id: session.id, status: 'active', agent_id: third.id, agent_name: 'Tom Third' }) } });
    const toThird = { session: expect.objectContaining({ agent_id: third.id }), from_agent_id: second.id, to_agent_id: third.id, to_agent_name: 'Tom Third' };
    await eventually(() => {
      expect(atCustomer.transferred).toEqual([toSecond, toThird]);
      expect(forSession(atThird.transferred, session.id)).toEqual([toSecond, toThird]);
    }, 10_000);
    lines.push('Sol Second transferred the chat to Tom Third');
    await told(lines);
    expect((await send(thirdSocket, session.id, 'Tom here')).seq).toBeGreaterThan(0);
    expect((await refused(secondSocket, 'send_message', { session_id: session.id, content: 'me again' })).error.code).toBe('PERMISSION_DENIED');

    // resolve → reopen by the customer → resolve → close_chat.
    const steps: Array<[TestUser, string, string]> = [
      [third, 'resolved', 'Tom Third marked the chat resolved'],
      [customer, 'active', 'Tina Traveller reopened the chat'],
      [third, 'resolved', 'Tom Third marked the chat resolved'],
    ];
    for (const [user, status, line] of steps) {
      expect(await patch(user, status)).toEqual({ status: 200, body: { success: true, data: expect.objectContaining({ id: session.id, status, agent_id: third.id }) } });
      await eventually(() => expect(atCustomer.status.at(-1)).toEqual({ session_id: session.id, status, agent_id: third.id }), 10_000);
      lines.push(line);
      await told(lines);
    }
    const closed = await request<ChatClosedEvent>(thirdSocket, 'close_chat', { session_id: session.id });
    const closedEvent = { session: expect.objectContaining({ id: session.id, status: 'closed' }), closed_by: third.id };
    expect(closed).toEqual({ ok: true, data: closedEvent });
    await eventually(() => {
      expect(atCustomer.closed).toEqual([closedEvent]);
      expect(forSession(atThird.closed, session.id)).toEqual([closedEvent]);
      expect(atCustomer.status.at(-1)).toEqual({ session_id: session.id, status: 'closed', agent_id: third.id });
    }, 10_000);
    lines.push('Tom Third closed the chat');
    await told(lines);
    expect(await stateOf(stack.gatewayA, customer, session.id)).toEqual({ status: 'closed', agent_id: third.id });
    expect(atCustomer.status.map((e) => e.status)).toEqual(['active', 'active', 'active', 'resolved', 'active', 'resolved', 'closed']);

    // A closed chat takes no more messages, from either side, and nothing is stored.
    const before = (await history(stack.gatewayA, customer, session.id, '?limit=1')).meta.last_seq;
    expect((await refused(customerSocket, 'send_message', { session_id: session.id, content: 'one more thing' })).error.code).toBe('FAILED_PRECONDITION');
    expect((await refused(thirdSocket, 'send_message', { session_id: session.id, content: 'bye' })).error.code).toBe('FAILED_PRECONDITION');
    const rest = await api(stack.gatewayA, 'POST', `/api/v1/chat/sessions/${session.id}/messages`, { token: customer.token, body: { content: 'hello?' } });
    expect(rest).toEqual({ status: 400, body: { success: false, error: { code: 'FAILED_PRECONDITION', message: expect.any(String) } } });
    expect((await history(stack.gatewayA, customer, session.id, '?limit=1')).meta.last_seq).toBe(before);
  });

  it('no service process crashed during the run', () => {
    expect(stack.crashes()).toEqual([]);
  });
});
