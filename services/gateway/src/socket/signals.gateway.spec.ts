import type { ChatSession, MessagesReadEvent, SessionJoinedEvent, TypingStoppedEvent, UserJoinedEvent, UserLeftEvent, UserTypingEvent } from '@parley/contracts';
import { collect, connectClient, eventually, request, testUser, waitFor, type ClientSocket } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

describe('gateway sockets: presence, typing, read receipts', () => {
  let gw: TestGateway;
  const sockets: ClientSocket[] = [];
  const customer = testUser('customer', 'Cleo');
  const agent = testUser('support', 'Ana');
  const stranger = testUser('customer', 'Sam');
  let session: ChatSession;

  const connect = async (token: string) => {
    const socket = await connectClient(gw.url, token);
    sockets.push(socket);
    return socket;
  };
  const joined = async (token: string) => {
    const socket = await connect(token);
    const answer = await request<SessionJoinedEvent>(socket, 'join_session', { session_id: session.id });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return { socket, joinedEvent: answer.data as SessionJoinedEvent };
  };

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  beforeEach(async () => {
    session = await gw.backend.sessionsApi.create({ identity: { userId: customer.id, role: 'customer', name: 'Cleo' } }, { subject: 'Late', priority: 'high' });
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => gw.close());

  it('reports sockets to presence and tells the others who joins and leaves, never the user themselves', async () => {
    const { socket: c } = await joined(customer.token);
    const atCustomer = collect<UserJoinedEvent>(c, 'user_joined');
    const left = collect<UserLeftEvent>(c, 'user_left');
    const { socket: a, joinedEvent } = await joined(agent.token);
    const atAgent = collect<UserJoinedEvent>(a, 'user_joined');
    expect(joinedEvent.participants.map((p) => p.user_id)).toEqual([customer.id, agent.id]);
    await eventually(() => expect(atCustomer).toEqual([{ user_id: agent.id, role: 'support', name: 'Ana' }]));
    a.close();
    await eventually(() => expect(left).toEqual([{ user_id: agent.id, role: 'support' }]));
    expect(atAgent).toEqual([]);
    expect(gw.backend.presence.calls).toEqual(expect.arrayContaining(['presence.connect', 'presence.join', 'presence.disconnect']));
  });

  it('relays typing and stop_typing to the others in the session', async () => {
    const { socket: c } = await joined(customer.token);
    const { socket: a } = await joined(agent.token);
    const typingAtAgent = collect<UserTypingEvent>(a, 'user_typing');
    const started = waitFor<UserTypingEvent>(c, 'user_typing');
    expect(await request(a, 'typing', { session_id: session.id })).toEqual({ ok: true, data: { session_id: session.id } });
    expect(await started).toEqual({ session_id: session.id, user_id: agent.id, user_name: 'Ana' });
    const stopped = waitFor<TypingStoppedEvent>(c, 'typing_stopped');
    expect((await request(a, 'stop_typing', { session_id: session.id })).ok).toBe(true);
    expect(await stopped).toEqual({ session_id: session.id, user_id: agent.id });
    expect(typingAtAgent).toEqual([]);
  });

  it('marks messages read and tells the other side', async () => {
    const { socket: c } = await joined(customer.token);
    const { socket: a } = await joined(agent.token);
    const sent = await request<{ message_id: string }>(c, 'send_message', { session_id: session.id, content: 'Hello?' });
    const read = waitFor<MessagesReadEvent>(c, 'messages_read');
    const answer = await request<MessagesReadEvent>(a, 'mark_as_read', { session_id: session.id, message_ids: [sent.data?.message_id] });
    expect(answer).toEqual({ ok: true, data: { session_id: session.id, user_id: agent.id, message_ids: [sent.data?.message_id] } });
    expect(await read).toEqual({ session_id: session.id, user_id: agent.id, message_ids: [sent.data?.message_id] });
  });

  it('never holds a send behind a slow mark_as_read of the same socket', async () => {
    const { socket: c } = await joined(customer.token);
    const { socket: a } = await joined(agent.token);
    const question = await request<{ message_id: string }>(c, 'send_message', { session_id: session.id, content: 'Still there?' });
    const release = gw.backend.hold('messages.markRead');
    const order: string[] = [];
    const marking = request(a, 'mark_as_read', { session_id: session.id, message_ids: [question.data?.message_id] }).then((answer) => order.push(`mark_as_read ${answer.ok}`));
    const reply = request(a, 'send_message', { session_id: session.id, content: 'Yes' }).then((answer) => order.push(`send_message ${answer.ok}`));
    await reply;
    release();
    await marking;
    expect(order).toEqual(['send_message true', 'mark_as_read true']);
  });

  it('answers every bad typing, stop_typing and mark_as_read with the error event and the ack, changing nothing', async () => {
    const { socket: a } = await joined(agent.token);
    const { socket: c } = await joined(customer.token);
    const s = await connect(stranger.token);
    const errors = collect<{ code: string; event: string }>(a, 'error');
    const typingShown = collect<UserTypingEvent>(c, 'user_typing');
    const before = { calls: gw.backend.calls.length };
    const cases: Array<[ClientSocket, string, unknown, string]> = [
      [a, 'typing', undefined, 'INVALID_ARGUMENT'],
      [a, 'typing', 'x', 'INVALID_ARGUMENT'],
      [a, 'typing', { session_id: '1' }, 'INVALID_ARGUMENT'],
      [a, 'typing', { session_id: session.id, more: 1 }, 'INVALID_ARGUMENT'],
      [a, 'stop_typing', {}, 'INVALID_ARGUMENT'],
      [a, 'mark_as_read', { session_id: session.id, message_ids: [] }, 'INVALID_ARGUMENT'],
      [a, 'mark_as_read', { session_id: session.id, message_ids: [1] }, 'INVALID_ARGUMENT'],
      [a, 'mark_as_read', { message_ids: null }, 'INVALID_ARGUMENT'],
      [s, 'typing', { session_id: session.id }, 'PERMISSION_DENIED'],
      [s, 'mark_as_read', { session_id: session.id }, 'PERMISSION_DENIED'],
    ];
    for (const [socket, event, payload, code] of cases) {
      const answer = await request(socket, event, payload);
      expect({ event, payload, ok: answer.ok, code: answer.error?.code }).toEqual({ event, payload, ok: false, code });
    }
    await eventually(() => expect(errors).toHaveLength(cases.filter(([socket]) => socket === a).length));
    // Only the stranger's mark_as_read reached a service (and was refused there); the rest stopped at validation.
    expect(gw.backend.calls.slice(before.calls)).toEqual(['messages.markRead']);
    // No typing was announced.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(typingShown).toEqual([]);
  });

  it("tells presence of a staff socket at once and of a requester's only at its first join", async () => {
    const known = () => [...gw.backend.presence.sockets.values()].map((s) => s.identity.userId);
    const idle = await connect(stranger.token);
    const a = await connect(agent.token);
    await eventually(() => expect(known()).toContain(agent.id));
    expect(known()).not.toContain(stranger.id);
    const calls = gw.backend.presence.calls.length;
    idle.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // A requester's socket that never joined is not reported as gone either.
    expect(gw.backend.presence.calls.slice(calls)).toEqual([]);

    const c = await connect(customer.token);
    expect(known()).not.toContain(customer.id);
    expect((await request(c, 'join_session', { session_id: session.id })).ok).toBe(true);
    expect(known()).toContain(customer.id);
    // A join and a disconnect sent together: the disconnect waits for the join and is told.
    const again = await connect(customer.token);
    again.emit('join_session', { session_id: session.id });
    again.close();
    c.close();
    a.close();
    await eventually(() => expect(known().filter((id) => id === customer.id || id === agent.id)).toEqual([]));
  });

  it('reports its sockets again when presence says the lease had run out', async () => {
    const { socket: c } = await joined(customer.token);
    gw.backend.presence.sockets.clear(); // presence reaped this gateway
    gw.backend.presence.leaseKnown = false;
    await eventually(() => expect([...gw.backend.presence.sockets.values()].map((s) => [s.identity.userId, [...s.sessions]])).toEqual([[customer.id, [session.id]]]));
    gw.backend.presence.leaseKnown = true;
    expect(c.connected).toBe(true);
  });

  it('retries a disconnect the presence service missed, so nobody stays in a session they left', async () => {
    const { socket: a } = await joined(agent.token);
    gw.backend.presence.down = true;
    a.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect([...gw.backend.presence.sockets.values()].some((s) => s.identity.userId === agent.id)).toBe(true);
    gw.backend.presence.down = false;
    await eventually(() => expect([...gw.backend.presence.sockets.values()].some((s) => s.identity.userId === agent.id)).toBe(false));
  });

  it('set_availability answers the agent and tells every agent; customers and bad status are refused with nothing changed', async () => {
    const ana = await connect(agent.token);
    const watcher = await connect(testUser('support', 'Walt').token);
    const heard = waitFor(watcher, 'availability_changed');
    const answer = await request(ana, 'set_availability', { status: 'away' });
    expect(answer).toEqual({ ok: true, data: { agent_id: agent.id, agent_name: 'Ana', status: 'away' } });
    expect(await heard).toEqual({ agent_id: agent.id, agent_name: 'Ana', status: 'away' });

    const c = await connect(customer.token);
    expect(await request(c, 'set_availability', { status: 'away' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'PERMISSION_DENIED', event: 'set_availability' }) });
    for (const bad of [{ status: 'busy' }, {}, { status: 'away', extra: 1 }, 'away', null]) {
      expect(await request(ana, 'set_availability', bad)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }) });
    }
    expect(gw.backend.presence.availability.get(agent.id)).toBe('away');
    expect(gw.backend.presence.availability.has(customer.id)).toBe(false);
  });
});
