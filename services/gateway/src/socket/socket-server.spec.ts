import { signToken } from '@parley/auth';
import jwt from 'jsonwebtoken';
import { createEvent, routingKeys, type ChatMessage, type ChatSessionView, type MessageSentEvent, type NewMessageEvent, type SessionJoinedEvent } from '@parley/contracts';
import { collect, connectClient, connectionRefusal, eventually, request, TEST_JWT_SECRET, testUser, waitFor, type ClientSocket } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('gateway sockets', () => {
  let gw: TestGateway;
  const sockets: ClientSocket[] = [];
  const customer = testUser('customer', 'Cleo');
  const agent = testUser('support', 'Ana');
  const stranger = testUser('customer', 'Sam');
  let session: ChatSessionView;

  const connect = async (token: string) => {
    const socket = await connectClient(gw.url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    gw = await startTestGateway();
    const chat = await gw.backend.sessionsApi.create({ identity: { userId: customer.id, role: 'customer', name: 'Cleo' } }, { subject: 'Late', priority: 'high' });
    session = { ...chat, unread_count: 0, last_message: null };
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => gw.close());

  describe('handshake', () => {
    const now = Math.floor(Date.now() / 1000);
    it.each([
      ['no token', undefined],
      ['a malformed token', 'abc.def'],
      ['a wrongly signed token', jwt.sign({ sub: 'u', role: 'customer', name: 'x' }, 'another-secret-0123456789', { expiresIn: 60 })],
      ['alg none', jwt.sign({ sub: 'u', role: 'customer', name: 'x', exp: now + 60 }, '', { algorithm: 'none' })],
      ['an expired token', jwt.sign({ sub: 'u', role: 'customer', name: 'x', exp: now - 5 }, TEST_JWT_SECRET)],
    ])('refuses %s with connect_error UNAUTHENTICATED', async (_label, token) => {
      const refusal = await connectionRefusal(gw.url, token);
      expect(refusal.code).toBe('UNAUTHENTICATED');
      expect(refusal.message).toMatch(/token/i);
    });
  });

  it('closes a socket when its token expires, saying why', async () => {
    const shortLived = signToken(TEST_JWT_SECRET, { sub: customer.id, role: 'customer', name: 'Cleo' }, 2);
    const socket = await connect(shortLived);
    const error = waitFor<{ code: string; message: string }>(socket, 'error', () => true, 5000);
    const reason = new Promise((resolve) => socket.once('disconnect', resolve));
    expect(await error).toEqual({ code: 'UNAUTHENTICATED', message: 'The token has expired; reconnect with a fresh one' });
    expect(await reason).toBe('io server disconnect');
  });

  it('joins with history and participants, then delivers each new message once', async () => {
    const c = await connect(customer.token);
    const a = await connect(agent.token);
    const joined = await request<SessionJoinedEvent>(c, 'join_session', { session_id: session.id });
    expect(joined.ok).toBe(true);
    expect(joined.data?.session.id).toBe(session.id);
    expect(joined.data?.participants).toEqual([{ user_id: customer.id, role: 'customer', name: 'Cleo' }]);
    await request(a, 'join_session', { session_id: session.id });
    const atAgent = collect<NewMessageEvent>(a, 'new_message');
    const atSender = { sent: collect<MessageSentEvent>(c, 'message_sent'), echoed: collect<NewMessageEvent>(c, 'new_message') };

    const ack = await request<MessageSentEvent & { message: ChatMessage }>(c, 'send_message', { session_id: session.id, content: 'Hello', temp_id: 'tmp-1' });
    expect(ack.ok).toBe(true);
    // One answer: the ack, with the stored message; no message_sent and no echo for this socket.
    expect(ack.data).toMatchObject({ temp_id: 'tmp-1', seq: 1, session_id: session.id, message: { id: ack.data?.message_id, seq: 1, content: 'Hello', sender_id: customer.id } });

    // The same event delivered twice (at-least-once) still shows once.
    const stored = gw.backend.messages[0];
    await gw.bus.publish(createEvent('message.created', routingKeys.session(session.id, 'message.created'), { message: stored }));
    await eventually(() => expect(atAgent.map((e) => e.message.id)).toEqual([ack.data?.message_id]));
    await new Promise((r) => setTimeout(r, 100));
    expect(atAgent).toHaveLength(1);
    expect(atSender).toEqual({ sent: [], echoed: [] });
  });

  it('answers a send without an ack with message_sent, and echoes it to the sending socket as new_message', async () => {
    const c = await connect(customer.token);
    await request(c, 'join_session', { session_id: session.id });
    const echoed = waitFor<NewMessageEvent>(c, 'new_message', (e) => e.message.temp_id === 'no-ack-1');
    const sent = waitFor<MessageSentEvent>(c, 'message_sent');
    c.emit('send_message', { session_id: session.id, content: 'Seed-style', temp_id: 'no-ack-1' });
    const answer = await sent;
    expect(answer).toEqual({ message_id: expect.any(String), temp_id: 'no-ack-1', sent_at: expect.any(String), seq: expect.any(Number), session_id: session.id });
    expect((await echoed).message.id).toBe(answer.message_id);
  });

  it('fills a message whose event never arrived from the store, in order', async () => {
    const a = await connect(agent.token);
    const joined = await request<SessionJoinedEvent>(a, 'join_session', { session_id: session.id });
    const atAgent = collect<NewMessageEvent>(a, 'new_message');
    const base = joined.data?.last_seq ?? 0;
    const caller = { identity: { userId: customer.id, role: 'customer' as const, name: 'Cleo' } };
    gw.backend.store(session.id, caller, 'lost event'); // stored, never published
    await gw.backend.messagesApi.send(caller, { session_id: session.id, content: 'next', message_type: 'text' });
    await eventually(() => expect(atAgent.map((e) => e.message.seq)).toEqual([base + 1, base + 2]));
  });

  it("answers a sender's ack in its place in the session's order: after the other side's earlier message", async () => {
    const c = await connect(customer.token);
    const joined = await request<SessionJoinedEvent>(c, 'join_session', { session_id: session.id });
    const base = joined.data?.last_seq ?? 0;
    const seen: string[] = [];
    c.on('new_message', (e: NewMessageEvent) => seen.push(`new_message ${e.message.seq}`));
    // The agent's message is stored; its event has not reached this gateway (and never will).
    gw.backend.store(session.id, { identity: { userId: agent.id, role: 'support', name: 'Ana' } }, 'stored before yours');
    const ack = await request<MessageSentEvent & { message: ChatMessage }>(c, 'send_message', { session_id: session.id, content: 'mine', temp_id: 'in-order-1' });
    seen.push(`ack ${ack.data?.seq}`);
    expect(seen).toEqual([`new_message ${base + 1}`, `ack ${base + 2}`]);
    // Its own event, arriving later, is no echo.
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(2);
  });

  it('answers every bad event with the error event and the ack, changing nothing', async () => {
    const c = await connect(stranger.token);
    const errors = collect<{ code: string; event?: string; temp_id?: string }>(c, 'error');
    const before = gw.backend.messages.length;
    const cases: Array<[string, unknown, string]> = [
      ['join_session', undefined, 'INVALID_ARGUMENT'],
      ['join_session', 'not an object', 'INVALID_ARGUMENT'],
      ['join_session', { session_id: '42' }, 'INVALID_ARGUMENT'],
      ['join_session', { session_id: session.id, last_seq: -1 }, 'INVALID_ARGUMENT'],
      ['join_session', { session_id: '00000000-0000-4000-8000-0000000000ff' }, 'NOT_FOUND'],
      ['join_session', { session_id: session.id }, 'PERMISSION_DENIED'],
      ['send_message', { session_id: session.id, content: 'hi' }, 'PERMISSION_DENIED'],
      ['send_message', { session_id: session.id }, 'INVALID_ARGUMENT'],
      ['send_message', { session_id: session.id, content: 'x'.repeat(5001) }, 'INVALID_ARGUMENT'],
      ['send_message', { session_id: session.id, content: 'hi', message_type: 'system' }, 'INVALID_ARGUMENT'],
      ['send_message', { session_id: session.id, content: 'hi', extra: true }, 'INVALID_ARGUMENT'],
      ['leave_session', { session_id: 7 }, 'INVALID_ARGUMENT'],
      ['leave_session', { session_id: '00000000-0000-4000-8000-0000000000ff' }, 'NOT_FOUND'],
      ['leave_session', { session_id: session.id }, 'PERMISSION_DENIED'],
    ];
    for (const [event, payload, code] of cases) {
      const answer = await request(c, event, payload);
      expect({ event, payload, ok: answer.ok, code: answer.error?.code }).toEqual({ event, payload, ok: false, code });
      expect(answer.error?.message).toEqual(expect.any(String));
    }
    await eventually(() => expect(errors).toHaveLength(cases.length));
    expect(errors.map((e) => e.event)).toEqual(cases.map(([event]) => event));
    expect(gw.backend.messages.length).toBe(before);
  });

  it('names the temp_id of a failed send and hides internal errors', async () => {
    const c = await connect(customer.token);
    gw.backend.failNext = new Error('connection to database lost at 10.0.0.3');
    const answer = await request(c, 'send_message', { session_id: session.id, content: 'hi', temp_id: 'tmp-9' });
    expect(answer.error).toEqual({ code: 'INTERNAL', message: 'Internal error', event: 'send_message', temp_id: 'tmp-9' });
  });

  it('says so when a client sends an event nobody handles, in the ack too', async () => {
    const c = await connect(customer.token);
    const error = waitFor<{ code: string; message: string }>(c, 'error');
    const answer = await request(c, 'dance', {});
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Unknown event: dance', event: 'dance' } });
    expect(await error).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'Unknown event: dance' });
  });

  it("keeps a burst of one socket's sends in the order they were sent", async () => {
    const c = await connect(customer.token);
    const acks = Array.from({ length: 20 }, (_, i) => request<MessageSentEvent>(c, 'send_message', { session_id: session.id, content: `burst ${i}` }));
    const seqs = (await Promise.all(acks)).map((a) => a.data?.seq ?? 0);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const stored = gw.backend.messages.filter((m) => m.content.startsWith('burst ')).map((m) => m.content);
    expect(stored).toEqual(Array.from({ length: 20 }, (_, i) => `burst ${i}`));
  });

  it('stops delivering a session after leave_session', async () => {
    const c = await connect(customer.token);
    const a = await connect(agent.token);
    await request(c, 'join_session', { session_id: session.id });
    await request(a, 'join_session', { session_id: session.id });
    expect((await request(a, 'leave_session', { session_id: session.id })).ok).toBe(true);
    const atAgent = collect(a, 'new_message');
    const atCustomer = collect(c, 'new_message');
    await request(c, 'send_message', { session_id: session.id, content: 'anyone?' });
    await eventually(() => expect(atCustomer).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(atAgent).toHaveLength(0);
  });
});
