import pino from 'pino';
import { MemoryBus } from '@parley/bus';
import { AppError } from '@parley/errors';
import type { ChatSession } from '@parley/contracts';
import { testUser } from '@parley/testing';
import { FakeBackend } from '../testing/fake-backend';
import { FakeSupport } from '../testing/fake-support';
import { createChatService, type JoinRoom } from './chat.service';
import type { Caller } from './gateway.ports';

const callerOf = (role: 'customer' | 'support'): Caller => {
  const user = testUser(role);
  return { identity: { userId: user.id, role, name: user.name } };
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as AppError).code;
  }
  throw new Error('did not fail');
}

const socketRef = { gatewayId: 'gw-test', socketId: 'socket-1' };

/** A room as the gateway gives one: nothing known unless `known` says so; records what the join did. */
function joinRoom(enter: (session: ChatSession) => Promise<unknown> = async () => undefined, known: (sessionId: string) => ChatSession | undefined = () => undefined) {
  const steps: string[] = [];
  const room: JoinRoom & { steps: string[] } = {
    steps,
    known: (_identity, sessionId) => known(sessionId),
    bind: async (sessionId) => void steps.push(`bind ${sessionId}`),
    release: (sessionId) => void steps.push(`release ${sessionId}`),
    remember: (session) => void steps.push(`remember ${session.id}`),
    enter: async (session) => {
      steps.push(`enter ${session.id}`);
      await enter(session);
    },
  };
  return room;
}

describe('chat service', () => {
  let backend: FakeBackend;
  let chat: ReturnType<typeof createChatService>;
  beforeEach(() => {
    backend = new FakeBackend(new MemoryBus(pino({ level: 'silent' })));
    const ratings = new FakeSupport((caller, id) => backend.visible(caller, id), () => backend.messages).api.ratings;
    chat = createChatService({ sessions: backend.sessionsApi, messages: backend.messagesApi, presence: backend.presence.api, ratings });
  });

  it('opens a session in one call, handing the initial message to the session service', async () => {
    const customer = callerOf('customer');
    const view = await chat.openSession(customer, { subject: 'Late order', initial_message: 'Where is it?' });
    expect(view).toMatchObject({ subject: 'Late order', status: 'waiting', priority: 'medium', unread_count: 0, last_message: null });
    expect(backend.calls).toEqual(['sessions.create']);
    expect(backend.messages).toEqual([expect.objectContaining({ content: 'Where is it?', seq: 1, temp_id: `initial:${view.id}` })]);
  });

  it.each([
    ['no subject', {}],
    ['an empty subject', { subject: '  ' }],
    ['a bad priority', { subject: 's', priority: 'asap' }],
    ['an unknown field', { subject: 's', colour: 'red' }],
    ['a non-uuid restaurant_id', { subject: 's', restaurant_id: '42' }],
    ['an over-long initial message', { subject: 's', initial_message: 'x'.repeat(5001) }],
  ])('refuses %s before calling any service', async (_label, body) => {
    expect(await codeOf(chat.openSession(callerOf('customer'), body))).toBe('INVALID_ARGUMENT');
    expect(backend.calls).toEqual([]);
  });

  it('subscribes before it reads history, and catches up from last_seq', async () => {
    const customer = callerOf('customer');
    const session = await chat.openSession(customer, { subject: 's', initial_message: 'one' });
    await chat.sendMessage(customer, { session_id: session.id, content: 'two' });
    const order: string[] = [];
    const room = joinRoom(async () => {
      order.push(`enter after ${backend.calls.length} calls`);
    });
    const joined = await chat.joinSession(customer, { session_id: session.id, last_seq: 1 }, room, socketRef);
    expect(order).toEqual(['enter after 3 calls']);
    // Bound before the session was read, held until the socket is in the room.
    expect(room.steps).toEqual([`bind ${session.id}`, `remember ${session.id}`, `enter ${session.id}`, `release ${session.id}`]);
    expect(backend.calls.at(-1)).toBe('messages.list');
    expect(joined.messages.map((m) => m.content)).toEqual(['two']);
    expect(joined.participants).toEqual([{ user_id: customer.identity.userId, role: 'customer', name: customer.identity.name }]);
  });

  it('answers message_sent with the stored id, temp_id, seq and time, with the stored message', async () => {
    const customer = callerOf('customer');
    const session = await chat.openSession(customer, { subject: 's' });
    const { sent, message } = await chat.sendMessage(customer, { session_id: session.id, content: 'hi', temp_id: 't1' });
    expect(sent).toEqual({ message_id: backend.messages[0].id, temp_id: 't1', sent_at: backend.messages[0].created_at, seq: 1, session_id: session.id });
    expect(message).toEqual(backend.messages[0]);
  });

  it('refuses malformed socket payloads before calling any service', async () => {
    const customer = callerOf('customer');
    for (const payload of [undefined, 'x', 42, { session_id: 'nope' }, { session_id: '00000000-0000-4000-8000-000000000001', content: 7 }]) {
      expect(await codeOf(chat.sendMessage(customer, payload))).toBe('INVALID_ARGUMENT');
      expect(await codeOf(chat.joinSession(customer, payload, joinRoom(), socketRef))).toBe('INVALID_ARGUMENT');
    }
    expect(backend.calls).toEqual([]);
  });

  it('takes a socket whose join failed out of the session again', async () => {
    const customer = callerOf('customer');
    const session = await chat.openSession(customer, { subject: 's' });
    backend.failNextCall('messages.list', new Error('message service down'));
    await expect(chat.joinSession(customer, { session_id: session.id }, joinRoom(), socketRef)).rejects.toThrow('message service down');
    expect(backend.presence.sockets.get(socketRef.socketId)?.sessions.size ?? 0).toBe(0);
    expect(backend.presence.calls).toEqual(['presence.join', 'presence.leave']);
  });

  /** A promise settled from outside, to hold one step of a join. */
  const gate = () => {
    let open: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('reads the catch-up page and joins presence only once the room is entered', async () => {
    const customer = callerOf('customer');
    const session = await chat.openSession(customer, { subject: 's', initial_message: 'one' });
    const room = gate();
    const joining = chat.joinSession(customer, { session_id: session.id, last_seq: 0 }, joinRoom(() => room.opened), socketRef);
    await tick();
    expect(backend.calls).not.toContain('messages.list');
    expect(backend.presence.calls).toEqual([]);
    // Stored while the room is being entered: the page read after it holds it.
    await chat.sendMessage(customer, { session_id: session.id, content: 'two' });
    room.open();
    expect((await joining).messages.map((m) => m.content)).toEqual(['one', 'two']);
  });

  it('asks presence and the message service at the same time once the room is entered', async () => {
    const customer = callerOf('customer');
    const session = await chat.openSession(customer, { subject: 's', initial_message: 'one' });
    const slowPresence = gate();
    const presence = { ...backend.presence.api, join: async (...args: Parameters<typeof backend.presence.api.join>) => {
      await slowPresence.opened;
      return backend.presence.api.join(...args);
    } };
    const parallel = createChatService({ sessions: backend.sessionsApi, messages: backend.messagesApi, presence, ratings: new FakeSupport((caller, id) => backend.visible(caller, id), () => backend.messages).api.ratings });
    const joining = parallel.joinSession(customer, { session_id: session.id }, joinRoom(), socketRef);
    await tick();
    expect(backend.calls.at(-1)).toBe('messages.list');
    slowPresence.open();
    expect(await joining).toMatchObject({ messages: [expect.objectContaining({ content: 'one' })], participants: [expect.objectContaining({ user_id: customer.identity.userId })] });
  });

  it("reports presence's failure first, as before, and leaves nobody in the session", async () => {
    const customer = callerOf('customer');
    const session = await chat.openSession(customer, { subject: 's' });
    backend.presence.down = true;
    backend.failNextCall('messages.list', new Error('message service down'));
    await expect(chat.joinSession(customer, { session_id: session.id }, joinRoom(), socketRef)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    backend.presence.down = false;
    expect(backend.presence.sockets.get(socketRef.socketId)?.sessions.size ?? 0).toBe(0);
  });

  it('does not read anything of a session the caller may not see', async () => {
    const session = await chat.openSession(callerOf('customer'), { subject: 's' });
    const entered: string[] = [];
    const stranger = callerOf('customer');
    const room = joinRoom(async (s) => void entered.push(s.id));
    expect(await codeOf(chat.joinSession(stranger, { session_id: session.id }, room, socketRef))).toBe('PERMISSION_DENIED');
    expect([entered, backend.presence.calls, backend.calls.filter((c) => c === 'messages.list')]).toEqual([[], [], []]);
    // The binding made for the read is given back.
    expect(room.steps).toEqual([`bind ${session.id}`, `release ${session.id}`]);
  });

  it('answers from what the gateway knows of the session without asking the session service, and with its newest state', async () => {
    const customer = callerOf('customer');
    const session = await chat.openSession(customer, { subject: 's', initial_message: 'one' });
    backend.calls.length = 0;
    // Known here; accepted while the socket entered the room (the event updated what is known).
    let known: ChatSession = session;
    const room = joinRoom(async () => void (known = { ...session, status: 'active', agent_id: 'agent-1', updated_at: new Date().toISOString() }), () => known);
    const joined = await chat.joinSession(customer, { session_id: session.id }, room, socketRef);
    expect(backend.calls).not.toContain('sessions.get');
    expect(room.steps).toEqual([`enter ${session.id}`]);
    expect(joined.session).toMatchObject({ id: session.id, status: 'active', agent_id: 'agent-1' });
  });
});
