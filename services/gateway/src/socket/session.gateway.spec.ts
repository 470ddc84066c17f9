import type { SessionJoinedEvent } from '@parley/contracts';
import { connectClient, eventually, request, testUser, type ClientSocket } from '@parley/testing';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';

/** join_session while messages keep coming: the client sees each once, none missing, in order. */
describe('join_session under live messages', () => {
  let gw: TestGateway;
  const sockets: ClientSocket[] = [];
  const customer = testUser('customer', 'Cleo');
  const caller = { identity: { userId: customer.id, role: 'customer' as const, name: 'Cleo' } };

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => gw.close());

  /** What a socket is told of a session, in the order it is told. */
  const transcript = (socket: ClientSocket): string[] => {
    const seen: string[] = [];
    socket.onAny((event: string, data: { message?: { content: string }; messages?: Array<{ content: string }> }) => {
      if (event === 'session_joined') seen.push(`session_joined [${(data.messages ?? []).map((m) => m.content).join(', ')}]`);
      if (event === 'new_message') seen.push(`new_message ${data.message?.content}`);
    });
    return seen;
  };
  const say = (sessionId: string, content: string) => gw.backend.messagesApi.send(caller, { session_id: sessionId, content, message_type: 'text' });

  it('delivers a message stored after the catch-up page was read, right after session_joined, and once', async () => {
    const session = await gw.backend.sessionsApi.create(caller, { subject: 'Joining', priority: 'low', initial_message: 'first' });
    const socket = await connectClient(gw.url, customer.token);
    sockets.push(socket);
    const seen = transcript(socket);
    const listsBefore = gw.backend.calls.filter((call) => call === 'messages.list').length;
    const release = gw.backend.hold('messages.list');
    const joining = request<SessionJoinedEvent>(socket, 'join_session', { session_id: session.id });
    // The page is read (holding "first") and its answer is on its way when "meanwhile" is stored.
    await eventually(() => expect(gw.backend.calls.filter((call) => call === 'messages.list').length).toBe(listsBefore + 1));
    await say(session.id, 'meanwhile');
    release();
    expect((await joining).data?.messages.map((m) => m.content)).toEqual(['first']);
    // Nothing else is sent yet, so nothing but the join itself can bring "meanwhile" (no gap to fill).
    await eventually(() => expect(seen).toEqual(['session_joined [first]', 'new_message meanwhile']), 1000);
    await say(session.id, 'after');
    await eventually(() => expect(seen).toEqual(['session_joined [first]', 'new_message meanwhile', 'new_message after']));
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(3);
  });

  it('does not repeat a message that arrives live and is also in the page', async () => {
    const session = await gw.backend.sessionsApi.create(caller, { subject: 'Joining', priority: 'low', initial_message: 'first' });
    const socket = await connectClient(gw.url, customer.token);
    sockets.push(socket);
    const seen = transcript(socket);
    const list = gw.backend.messagesApi.list;
    // Stored and published once the room is entered, just before the page is read: it is in both.
    gw.backend.messagesApi.list = async (...args) => {
      gw.backend.messagesApi.list = list;
      await say(session.id, 'meanwhile');
      return list(...args);
    };
    try {
      await request<SessionJoinedEvent>(socket, 'join_session', { session_id: session.id });
      await say(session.id, 'after');
      await eventually(() => expect(seen).toEqual(['session_joined [first, meanwhile]', 'new_message after']));
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toHaveLength(2);
    } finally {
      gw.backend.messagesApi.list = list;
    }
  });
  it("answers a join of a chat another socket here has open from memory, with the session as its events left it", async () => {
    const session = await gw.backend.sessionsApi.create(caller, { subject: 'Two devices', priority: 'low' });
    const phone = await connectClient(gw.url, customer.token);
    const laptop = await connectClient(gw.url, customer.token);
    sockets.push(phone, laptop);
    expect((await request<SessionJoinedEvent>(phone, 'join_session', { session_id: session.id })).data?.session.status).toBe('waiting');
    // Accepted: the event updates what this gateway knows before any socket sees it.
    const agent = { identity: { userId: 'agent-7', role: 'support' as const, name: 'Ana' } };
    await gw.backend.sessionsApi.accept(agent, session.id);
    await eventually(async () => {
      const looksBefore = gw.backend.calls.filter((call) => call === 'sessions.get').length;
      const joined = await request<SessionJoinedEvent>(laptop, 'join_session', { session_id: session.id });
      expect(joined.data?.session).toMatchObject({ status: 'active', agent_id: 'agent-7' });
      expect(gw.backend.calls.filter((call) => call === 'sessions.get').length).toBe(looksBefore);
    });
    // Someone who may not see it is refused from memory too.
    const stranger = await connectClient(gw.url, testUser('customer', 'Sam').token);
    sockets.push(stranger);
    expect((await request(stranger, 'join_session', { session_id: session.id })).error?.code).toBe('PERMISSION_DENIED');
  });
});

/** A client back soon after its last socket left (a network blip, a reload): the gateway still holds the chat. */
describe('join_session after the last socket here left', () => {
  const customer = testUser('customer', 'Cleo');
  const caller = { identity: { userId: customer.id, role: 'customer' as const, name: 'Cleo' } };
  const agent = { identity: { userId: 'agent-7', role: 'support' as const, name: 'Ana' } };
  const sessionReads = (gw: TestGateway) => gw.backend.calls.filter((call) => call === 'sessions.get').length;

  /** Joins, leaves by closing the socket, and waits until the gateway has seen the socket go. */
  async function joinAndGo(gw: TestGateway, sessionId: string): Promise<void> {
    const socket = await connectClient(gw.url, customer.token);
    await request<SessionJoinedEvent>(socket, 'join_session', { session_id: sessionId });
    socket.close();
    await eventually(() => expect(gw.server.io.of('/').sockets.size).toBe(0));
  }

  describe('within ROOM_UNBIND_GRACE_MS', () => {
    let gw: TestGateway;
    const sockets: ClientSocket[] = [];
    beforeAll(async () => {
      gw = await startTestGateway(undefined, undefined, undefined, { roomUnbindGraceMs: 60_000 });
    });
    afterEach(() => sockets.splice(0).forEach((s) => s.close()));
    afterAll(() => gw.close());

    it('joins without reading the session again, with the session as the events meanwhile left it, and catches up', async () => {
      const session = await gw.backend.sessionsApi.create(caller, { subject: 'Blip', priority: 'low', initial_message: 'first' });
      await joinAndGo(gw, session.id);
      // While nobody here is in the chat, it is accepted and the agent writes: the gateway still hears it.
      await gw.backend.sessionsApi.accept(agent, session.id);
      await gw.backend.messagesApi.send(agent, { session_id: session.id, content: 'while you were away', message_type: 'text' });
      const readsBefore = sessionReads(gw);
      const back = await connectClient(gw.url, customer.token);
      sockets.push(back);
      await eventually(async () => {
        const joined = await request<SessionJoinedEvent>(back, 'join_session', { session_id: session.id, last_seq: 1 });
        expect(joined.data?.session).toMatchObject({ status: 'active', agent_id: 'agent-7' });
        expect(joined.data?.messages.map((m) => m.content)).toEqual(['while you were away']);
      });
      expect(sessionReads(gw)).toBe(readsBefore);
      // Live messages reach the socket back in the chat.
      const next = new Promise<string>((resolve) => back.once('new_message', (data: { message: { content: string } }) => resolve(data.message.content)));
      await gw.backend.messagesApi.send(agent, { session_id: session.id, content: 'welcome back', message_type: 'text' });
      expect(await next).toBe('welcome back');
    });

    it('still refuses someone who may not see the chat', async () => {
      const session = await gw.backend.sessionsApi.create(caller, { subject: 'Private', priority: 'low' });
      await joinAndGo(gw, session.id);
      const stranger = await connectClient(gw.url, testUser('customer', 'Sam').token);
      sockets.push(stranger);
      expect((await request(stranger, 'join_session', { session_id: session.id })).error?.code).toBe('PERMISSION_DENIED');
    });
  });

  describe('after ROOM_UNBIND_GRACE_MS', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(undefined, undefined, undefined, { roomUnbindGraceMs: 50 });
    });
    afterAll(() => gw.close());

    it('forgets the chat once the grace has passed: a join reads the session again', async () => {
      const session = await gw.backend.sessionsApi.create(caller, { subject: 'Gone', priority: 'low' });
      await joinAndGo(gw, session.id);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const readsBefore = sessionReads(gw);
      const back = await connectClient(gw.url, customer.token);
      try {
        expect((await request<SessionJoinedEvent>(back, 'join_session', { session_id: session.id })).data?.session.id).toBe(session.id);
        expect(sessionReads(gw)).toBe(readsBefore + 1);
      } finally {
        back.close();
      }
    });
  });
});
