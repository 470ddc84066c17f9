import { randomUUID } from 'node:crypto';
import type { MessageSentEvent, NewMessageEvent, SessionJoinedEvent } from '@parley/contracts';
import { collect, eventually, request, testUser, waitFor, type ClientSocket } from '@parley/testing';
import { SocketPool, history, join, openSession, range, send, seqs, sleep } from './support/chat-client';
import { startStack, type Stack } from './support/stack';
import { conversation } from './support/conversation';

/**
 * The real stack (session, message, two gateways; PostgreSQL and RabbitMQ): a customer on
 * gateway A talks with a support agent on gateway B.
 */
jest.setTimeout(60_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('chat between a customer on gateway A and an agent on gateway B', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const customer = testUser('customer', 'Carla Customer');
  const agent = testUser('support', 'Sam Support');
  const parties = () => ({ stack, sockets, customer, agent });

  beforeAll(async () => {
    stack = await startStack({ label: 'chat' });
  }, 120_000);

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 90_000);

  const fromUser = (events: NewMessageEvent[], sessionId: string, userId: string) =>
    events.map((e) => e.message).filter((m) => m.session_id === sessionId && m.sender_id === userId);

  it('opens a session over REST with its initial message, and both sides join it over sockets', async () => {
    const session = await openSession(stack.gatewayA, customer, {
      subject: 'Need help with order',
      category: 'order_issue',
      priority: 'high',
      initial_message: 'My order is delayed',
    });
    expect(session).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(UUID),
        subject: 'Need help with order',
        category: 'order_issue',
        priority: 'high',
        status: 'waiting',
        customer_id: customer.id,
        customer_role: 'customer',
        customer_name: 'Carla Customer',
        agent_id: null,
        created_at: expect.stringMatching(ISO_DATE),
      }),
    );
    expect(session.last_message).toEqual(
      expect.objectContaining({ seq: 1, content: 'My order is delayed', sender_id: customer.id, sender_role: 'customer' }),
    );

    const customerSocket = await sockets.connect(stack.gatewayA, customer);
    const joinedEvent = waitFor<SessionJoinedEvent>(customerSocket, 'session_joined', (e) => e.session.id === session.id);
    const joined = await join(customerSocket, session.id);
    expect(await joinedEvent).toEqual(joined);
    expect(joined.session).toEqual(expect.objectContaining({ id: session.id, subject: 'Need help with order', status: 'waiting', customer_id: customer.id }));
    expect(joined.messages).toEqual([
      expect.objectContaining({
        id: session.last_message?.id,
        session_id: session.id,
        seq: 1,
        content: 'My order is delayed',
        message_type: 'text',
        sender_id: customer.id,
        sender_role: 'customer',
        sender_name: 'Carla Customer',
        created_at: expect.stringMatching(ISO_DATE),
        attachments: [],
      }),
    ]);
    expect(joined.participants).toContainEqual({ user_id: customer.id, role: 'customer', name: 'Carla Customer' });
    expect(joined).toEqual(expect.objectContaining({ last_seq: 1, has_more: false }));

    // The agent, on the other gateway, sees the same session and history.
    const agentSocket = await sockets.connect(stack.gatewayB, agent);
    const agentJoined = await join(agentSocket, session.id);
    expect(agentJoined.session.id).toBe(session.id);
    expect(agentJoined.messages.map((m) => m.id)).toEqual([session.last_message?.id]);
    expect(agentJoined.participants).toContainEqual({ user_id: customer.id, role: 'customer', name: 'Carla Customer' });
  });

  it('delivers live messages both ways between the gateways', async () => {
    const { session, customerSocket, agentSocket } = await conversation(parties());

    // Customer on A -> agent on B. The sender's one answer is the ack, with the stored message.
    const atAgent = waitFor<NewMessageEvent>(agentSocket, 'new_message', (e) => e.message.temp_id === 'c-1', 10_000);
    const { message: stored, ...sent } = await send(customerSocket, session.id, 'Where is my food?', 'c-1');
    expect(sent).toEqual({ message_id: expect.stringMatching(UUID), temp_id: 'c-1', sent_at: expect.stringMatching(ISO_DATE), seq: 3, session_id: session.id });
    const { message } = await atAgent;
    expect(stored).toEqual(message);
    expect(message).toEqual(
      expect.objectContaining({
        id: sent.message_id,
        seq: sent.seq,
        session_id: session.id,
        content: 'Where is my food?',
        sender_id: customer.id,
        sender_role: 'customer',
        sender_name: 'Carla Customer',
        created_at: sent.sent_at,
      }),
    );

    // Agent on B -> customer on A.
    const atCustomer = waitFor<NewMessageEvent>(customerSocket, 'new_message', (e) => e.message.temp_id === 'a-1', 10_000);
    const reply = await send(agentSocket, session.id, 'Let me check with the restaurant', 'a-1');
    expect(reply).toEqual(expect.objectContaining({ seq: 4, session_id: session.id, temp_id: 'a-1' }));
    expect((await atCustomer).message).toEqual(
      expect.objectContaining({
        id: reply.message_id,
        seq: 4,
        content: 'Let me check with the restaurant',
        sender_id: agent.id,
        sender_role: 'support',
        sender_name: 'Sam Support',
      }),
    );
  });

  it('stops delivering to a socket that left the session', async () => {
    const { session, customerSocket, agentSocket } = await conversation(parties());
    const left = waitFor<{ session_id: string }>(agentSocket, 'session_left');
    const ack = await request(agentSocket, 'leave_session', { session_id: session.id });
    expect(ack).toEqual({ ok: true, data: { session_id: session.id } });
    expect(await left).toEqual({ session_id: session.id });

    const atAgent = collect<NewMessageEvent>(agentSocket, 'new_message');
    // Sent without an ack, so the sender's own socket gets the room's new_message: proof the room was served.
    const atCustomer = waitFor<NewMessageEvent>(customerSocket, 'new_message', (e) => e.message.content === 'anyone?', 10_000);
    customerSocket.emit('send_message', { session_id: session.id, content: 'anyone?', temp_id: randomUUID() });
    await atCustomer;
    await sleep(1000);
    expect(atAgent).toEqual([]);
  });

  /** `count` messages emitted back to back on one socket, without waiting for any answer; answers the acks. */
  async function burst(socket: ClientSocket, sessionId: string, contents: string[]): Promise<MessageSentEvent[]> {
    return Promise.all(contents.map((content) => send(socket, sessionId, content)));
  }

  it('keeps a burst of 50 messages each way whole and in seq order: strictly increasing, none duplicated, none missing', async () => {
    const { session, customerSocket, agentSocket } = await conversation(parties());
    const atAgent = collect<NewMessageEvent>(agentSocket, 'new_message');
    const atCustomer = collect<NewMessageEvent>(customerSocket, 'new_message');

    async function check(from: 'customer' | 'agent', firstSeq: number) {
      const [socket, sender, inbox] = from === 'customer' ? [customerSocket, customer, atAgent] : [agentSocket, agent, atCustomer];
      const acks = await burst(socket, session.id, range(1, 50).map((i) => `${from} burst ${i}`));
      expect([...acks.map((a) => a.seq)].sort((a, b) => a - b)).toEqual(range(firstSeq, 50));
      expect(new Set(acks.map((a) => a.message_id)).size).toBe(50);

      await eventually(() => expect(fromUser(inbox, session.id, sender.id)).toHaveLength(50), 20_000, 100);
      await sleep(1000); // late duplicates would arrive now
      const received = fromUser(inbox, session.id, sender.id);
      expect(seqs(received)).toEqual(range(firstSeq, 50));
      expect(received.map((m) => m.id).sort()).toEqual(acks.map((a) => a.message_id).sort());
      // Each message arrives as it was acknowledged.
      const ackBySeq = new Map(acks.map((a) => [a.seq, a]));
      for (const m of received) expect(m.id).toBe(ackBySeq.get(m.seq)?.message_id);
    }

    // After the initial message (1) and the accept's system message (2).
    await check('customer', 3);
    await check('agent', 53);

    const stored = await history(stack.gatewayA, customer, session.id, '?after_seq=0&limit=200');
    expect(seqs(stored.messages)).toEqual(range(1, 102));
    expect(stored.messages.map((m) => m.message_type).filter((t) => t !== 'text')).toEqual(['system']);
    expect(stored.meta).toEqual({ has_more: false, last_seq: 102 });
  });

  it('keeps a burst of messages in the order it was typed (seq order = send order on one socket)', async () => {
    const { session, customerSocket, agentSocket } = await conversation(parties());
    const atAgent = collect<NewMessageEvent>(agentSocket, 'new_message');
    const typed = range(1, 50).map((i) => `typed ${i}`);
    await burst(customerSocket, session.id, typed);
    await eventually(() => expect(fromUser(atAgent, session.id, customer.id)).toHaveLength(50), 20_000, 100);
    // What the agent reads is what the customer typed, in the order it was typed.
    expect(fromUser(atAgent, session.id, customer.id).map((m) => m.content)).toEqual(typed);
    const stored = await history(stack.gatewayA, customer, session.id, '?after_seq=2&limit=200');
    expect(stored.messages.map((m) => m.content)).toEqual(typed);
  });

  it('stores a message resent with the same temp_id once, even when the resends are concurrent', async () => {
    const { session, customerSocket, agentSocket } = await conversation(parties());
    const before = await history(stack.gatewayA, customer, session.id);
    const atAgent = collect<NewMessageEvent>(agentSocket, 'new_message');
    const sentEvents = collect<MessageSentEvent>(customerSocket, 'message_sent');
    const echoes = collect<NewMessageEvent>(customerSocket, 'new_message');
    const tempId = `retry-${randomUUID()}`;

    const acks = await Promise.all([1, 2, 3].map(() => send(customerSocket, session.id, 'Are you there?', tempId)));
    // And once more later, from the customer's second device on the other gateway.
    const otherDevice = await sockets.connect(stack.gatewayB, customer);
    const late = await send(otherDevice, session.id, 'Are you there?', tempId);

    const messageId = acks[0].message_id;
    expect([...acks, late].map((a) => a.message_id)).toEqual([messageId, messageId, messageId, messageId]);
    expect([...acks, late].map((a) => a.seq)).toEqual([3, 3, 3, 3]);
    // Each resend is answered by its ack alone: no message_sent, no echo to the sending socket.
    expect(new Set(acks.map((a) => a.message?.id))).toEqual(new Set([messageId]));

    await eventually(() => expect(atAgent.filter((e) => e.message.temp_id === tempId)).toHaveLength(1), 10_000);
    await sleep(1500);
    expect(atAgent.filter((e) => e.message.temp_id === tempId).map((e) => e.message.id)).toEqual([messageId]);
    expect(sentEvents).toEqual([]);
    expect(echoes.filter((e) => e.message.temp_id === tempId)).toEqual([]);

    const after = await history(stack.gatewayA, customer, session.id);
    expect(after.meta.last_seq).toBe(before.meta.last_seq + 1);
    expect(after.messages.filter((m) => m.content === 'Are you there?').map((m) => m.id)).toEqual([messageId]);

    // temp_ids belong to their sender: the agent's message with the same temp_id is a new one.
    const agentAck = await send(agentSocket, session.id, 'Yes, I am here', tempId);
    expect(agentAck.message_id).not.toBe(messageId);
    expect(agentAck.seq).toBe(4);
  });

  it('gives a reconnecting agent exactly the messages it missed, on the other gateway', async () => {
    const { session, customerSocket, agentSocket } = await conversation(parties());
    const seen = waitFor<NewMessageEvent>(agentSocket, 'new_message', (e) => e.message.content === 'before the drop', 10_000);
    await send(customerSocket, session.id, 'before the drop');
    const lastSeen = (await seen).message.seq;
    expect(lastSeen).toBe(3);

    agentSocket.close();
    const missed: MessageSentEvent[] = [];
    for (const i of range(1, 5)) missed.push(await send(customerSocket, session.id, `while you were away ${i}`));

    const agentAgain = await sockets.connect(stack.gatewayA, agent);
    const liveAfter = collect<NewMessageEvent>(agentAgain, 'new_message');
    const joined = await join(agentAgain, session.id, lastSeen);
    expect(joined.messages.map((m) => m.id)).toEqual(missed.map((m) => m.message_id));
    expect(seqs(joined.messages)).toEqual(range(lastSeen + 1, 5));
    expect(joined.messages.map((m) => m.content)).toEqual(range(1, 5).map((i) => `while you were away ${i}`));
    expect(joined).toEqual(expect.objectContaining({ has_more: false, last_seq: lastSeen + 5 }));

    // The live stream continues after what was caught up, without repeating any of it.
    const next = waitFor<NewMessageEvent>(agentAgain, 'new_message', (e) => e.message.content === 'welcome back', 10_000);
    await send(customerSocket, session.id, 'welcome back');
    expect((await next).message.seq).toBe(lastSeen + 6);
    await sleep(500);
    expect(seqs(liveAfter.map((e) => e.message))).toEqual([lastSeen + 6]);
  });


  it('no service process crashed during the run', () => {
    expect(stack.crashes()).toEqual([]);
  });
});
