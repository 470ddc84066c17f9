import type { ChatSessionView, MessageSentEvent } from '@parley/contracts';
import { api, testUser } from '@parley/testing';
import { SocketPool, accept, history, openSession, range, send, seqs, untilSeen } from './support/chat-client';
import { startStack, type Stack } from './support/stack';

/** The REST half, on the real stack: lists, unread counts, last message, history pages. */
jest.setTimeout(60_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('REST on the real stack', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const agent = testUser('support', 'Sam Support');

  beforeAll(async () => {
    stack = await startStack({ label: 'chat-rest' });
  }, 120_000);

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 90_000);

  it('REST: lists a customer only their own sessions and support every one, with unread counts, last message and history pages', async () => {
    const carla = testUser('customer', 'Carla Two');
    const other = testUser('customer', 'Oscar Other');
    const reader = testUser('support', 'Rita Reader'); // an agent who has read nothing
    const s1 = await openSession(stack.gatewayA, carla, { initial_message: 'first' });
    const s2 = await openSession(stack.gatewayB, carla);
    const sOther = await openSession(stack.gatewayA, other, { initial_message: 'not yours' });

    const second = await api(stack.gatewayA, 'POST', `/api/v1/chat/sessions/${s1.id}/messages`, { token: carla.token, body: { content: 'second' } });
    expect(second.status).toBe(201);
    expect(second.body).toEqual({ success: true, data: expect.objectContaining({ seq: 2, content: 'second', sender_id: carla.id }) });

    // The agent takes s1 before replying; the accept's system message is seq 3 (and no one's unread).
    const agentSocket = await sockets.connect(stack.gatewayB, agent);
    const systemSeen = untilSeen(agentSocket, s1.id, 3);
    await accept(agentSocket, s1.id);
    await systemSeen;
    const replies: MessageSentEvent[] = [];
    for (const i of range(1, 3)) replies.push(await send(agentSocket, s1.id, `reply ${i}`));

    // The customer: their own sessions only; s1 has the agent's three replies unread.
    const mine = await api(stack.gatewayA, 'GET', '/api/v1/chat/sessions', { token: carla.token });
    expect(mine.status).toBe(200);
    expect(mine.body.success).toBe(true);
    expect(mine.body.data.map((s: ChatSessionView) => s.id).sort()).toEqual([s1.id, s2.id].sort());
    const mineS1 = mine.body.data.find((s: ChatSessionView) => s.id === s1.id);
    expect(mineS1).toEqual(
      expect.objectContaining({
        unread_count: 3,
        last_message: expect.objectContaining({ id: replies[2].message_id, seq: 6, content: 'reply 3', sender_role: 'support' }),
      }),
    );
    expect(mine.body.data.find((s: ChatSessionView) => s.id === s2.id)).toEqual(expect.objectContaining({ unread_count: 0, last_message: null }));

    // Support sees every session; for an agent who has read nothing, the customer's two messages are
    // unread (another agent's replies are not news to an agent).
    const all = await api(stack.gatewayB, 'GET', '/api/v1/chat/sessions', { token: reader.token });
    expect(all.status).toBe(200);
    const allIds = all.body.data.map((s: ChatSessionView) => s.id);
    expect(allIds).toEqual(expect.arrayContaining([s1.id, s2.id, sOther.id]));
    expect(all.body.data.find((s: ChatSessionView) => s.id === s1.id)).toEqual(expect.objectContaining({ unread_count: 2, last_message: expect.objectContaining({ seq: 6 }) }));
    // The agent who replied has read up to their own last message.
    const replied = await api(stack.gatewayB, 'GET', '/api/v1/chat/sessions', { token: agent.token });
    expect(replied.body.data.find((s: ChatSessionView) => s.id === s1.id)).toEqual(expect.objectContaining({ unread_count: 0 }));

    // Details.
    const detail = await api(stack.gatewayA, 'GET', `/api/v1/chat/sessions/${s1.id}`, { token: carla.token });
    expect(detail.status).toBe(200);
    expect(detail.body).toEqual({
      success: true,
      data: expect.objectContaining({
        id: s1.id,
        status: 'active',
        agent_id: agent.id,
        customer_id: carla.id,
        unread_count: 3,
        last_message: expect.objectContaining({ id: replies[2].message_id, content: 'reply 3' }),
      }),
    });
    const detailForReader = await api(stack.gatewayB, 'GET', `/api/v1/chat/sessions/${s1.id}`, { token: reader.token });
    expect(detailForReader.body.data).toEqual(expect.objectContaining({ id: s1.id, unread_count: 2 }));

    // History: ten messages, paged back from the newest, oldest first in each page; and after a seq.
    for (const i of range(7, 4)) {
      const r = await api(stack.gatewayA, 'POST', `/api/v1/chat/sessions/${s1.id}/messages`, { token: carla.token, body: { content: `msg ${i}` } });
      expect(r.status).toBe(201);
    }
    const page = (query: string) => history(stack.gatewayA, carla, s1.id, query);
    const all10 = await page('');
    expect(seqs(all10.messages)).toEqual(range(1, 10));
    expect(all10.meta).toEqual({ has_more: false, last_seq: 10 });
    expect(all10.messages[0]).toEqual(
      expect.objectContaining({ id: expect.stringMatching(UUID), content: 'first', sender_role: 'customer', created_at: expect.stringMatching(ISO_DATE), attachments: [], read_by: [] }),
    );
    expect(all10.messages[2]).toEqual(
      expect.objectContaining({ seq: 3, content: 'Sam Support accepted the chat', message_type: 'system', sender_role: 'system' }),
    );
    expect(all10.messages.map((m) => m.message_type).filter((t) => t === 'system')).toHaveLength(1);
    expect(await page('?limit=3&offset=0')).toEqual({ messages: expect.any(Array), meta: { has_more: true, last_seq: 10 } });
    expect(seqs((await page('?limit=3&offset=0')).messages)).toEqual([8, 9, 10]);
    expect(seqs((await page('?limit=3&offset=3')).messages)).toEqual([5, 6, 7]);
    const lastPage = await page('?limit=3&offset=9');
    expect(seqs(lastPage.messages)).toEqual([1]);
    expect(lastPage.meta.has_more).toBe(false);
    expect(seqs((await page('?limit=3&offset=10')).messages)).toEqual([]);
    expect(seqs((await page('?after_seq=7')).messages)).toEqual([8, 9, 10]);
    const afterLimited = await page('?after_seq=2&limit=2');
    expect(seqs(afterLimited.messages)).toEqual([3, 4]);
    expect(afterLimited.meta).toEqual({ has_more: true, last_seq: 10 });
    expect(seqs((await page('?after_seq=10')).messages)).toEqual([]);
    // Support reads the same history.
    expect(seqs((await history(stack.gatewayB, reader, s1.id, '?after_seq=8')).messages)).toEqual([9, 10]);
  });

});
