import type { ChatSession, NewMessageEvent, TypingStoppedEvent, UserTypingEvent } from '@parley/contracts';
import { collect, connectClient, eventually, joinedClient, request, testUser, waitFor, type ClientSocket } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

/** Typing as a signal: announced by the typist's gateway, shown and expired by the gateways showing it. */
describe('gateway sockets: typing indicators', () => {
  let gw: TestGateway;
  const sockets: ClientSocket[] = [];
  const customer = testUser('customer', 'Cleo');
  const agent = testUser('support', 'Ana');
  let session: ChatSession;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const joined = (token: string) => joinedClient(gw.url, token, session.id, sockets);

  beforeAll(async () => {
    // Short times so that expiry shows within a test: announced again after 300 ms, shown 600 ms.
    gw = await startTestGateway(undefined, [], {}, { typing: { throttleMs: 300, ttlMs: 600 } });
  });
  beforeEach(async () => {
    session = await gw.backend.sessionsApi.create({ identity: { userId: customer.id, role: 'customer', name: 'Cleo' } }, { subject: 'Late', priority: 'high' });
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => gw.close());

  it('shows a typist once however often they send typing, and stops the indicator when nothing renews it', async () => {
    const c = await joined(customer.token);
    const a = await joined(agent.token);
    const shown = collect<UserTypingEvent>(c, 'user_typing');
    const stopped = collect<TypingStoppedEvent>(c, 'typing_stopped');
    for (let i = 0; i < 5; i++) expect((await request(a, 'typing', { session_id: session.id })).ok).toBe(true);
    await eventually(() => expect(shown).toEqual([{ session_id: session.id, user_id: agent.id, user_name: 'Ana' }]));
    // Still typing past the throttle window: announced again, the indicator lives on, shown once.
    await sleep(350);
    await request(a, 'typing', { session_id: session.id });
    await sleep(400);
    expect(stopped).toEqual([]);
    // Quiet: it expires where it is shown.
    await eventually(() => expect(stopped).toEqual([{ session_id: session.id, user_id: agent.id }]), 2000);
    expect(shown).toHaveLength(1);
  });

  it("ends the typist's indicator when their message arrives, without a stop_typing", async () => {
    const c = await joined(customer.token);
    const a = await joined(agent.token);
    const shown = waitFor<UserTypingEvent>(c, 'user_typing');
    await request(a, 'typing', { session_id: session.id });
    await shown;
    const order: string[] = [];
    c.on('typing_stopped', () => order.push('typing_stopped'));
    c.on('new_message', (e: NewMessageEvent) => order.push(`new_message ${e.message.content}`));
    await request(a, 'send_message', { session_id: session.id, content: 'On it' });
    await eventually(() => expect(order).toEqual(['typing_stopped', 'new_message On it']));
  });

  it('ends the indicator when the typist leaves the session, and announces nothing for a stop that had nothing to stop', async () => {
    const c = await joined(customer.token);
    const a = await joined(agent.token);
    const stopped = collect<TypingStoppedEvent>(c, 'typing_stopped');
    expect((await request(a, 'stop_typing', { session_id: session.id })).ok).toBe(true);
    await request(a, 'typing', { session_id: session.id });
    await waitFor(c, 'user_typing');
    a.close();
    await eventually(() => expect(stopped).toEqual([{ session_id: session.id, user_id: agent.id }]));
    await sleep(700);
    expect(stopped).toHaveLength(1);
  });

  it('refuses typing in a session the socket has not joined, and announces nothing', async () => {
    const c = await joined(customer.token);
    const shown = collect<UserTypingEvent>(c, 'user_typing');
    const outsider = await connectClient(gw.url, agent.token);
    sockets.push(outsider);
    const answer = await request(outsider, 'typing', { session_id: session.id });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION_DENIED', event: 'typing' }) });
    await sleep(100);
    expect(shown).toEqual([]);
  });
});
