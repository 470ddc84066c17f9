import type { ChatSessionView, NewMessageEvent } from '@parley/contracts';
import { ParleyClient } from '@parley/client';
import { api, collect, eventually, request, testUser } from '@parley/testing';
import { SocketPool, history, join, refused, send } from './support/chat-client';
import { conversation } from './support/conversation';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(90_000);

/**
 * Private notes on the real stack (two gateways): staff see them everywhere, the customer nowhere:
 * not live, not on joining or catching up, not over REST, not in unread counts or last message.
 */
describe('private notes on the real stack', () => {
  let stack: Stack;
  const sockets = new SocketPool();
  const clients: ParleyClient[] = [];

  beforeAll(async () => {
    stack = await startStack({ label: 'private-notes' });
  }, 120_000);
  afterEach(() => {
    sockets.closeAll();
    clients.splice(0).forEach((c) => c.disconnect());
  });
  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 90_000);

  const contents = (events: NewMessageEvent[]) => events.map((e) => e.message.content);
  const sessionFor = async (url: string, token: string, sessionId: string): Promise<ChatSessionView> => {
    const response = await api(url, 'GET', `/api/v1/chat/sessions/${sessionId}`, { token });
    expect(response.status).toBe(200);
    return response.body.data as ChatSessionView;
  };

  it('shows a note to the staff in the chat on both gateways and never to the customer', async () => {
    const customer = testUser('customer', 'Nora Notes');
    const agent = testUser('support', 'Ana Notes');
    const admin = testUser('admin', 'Root Notes');
    const { session, customerSocket, agentSocket } = await conversation({ stack, sockets, customer, agent });
    // An admin watches from the customer's gateway.
    const adminSocket = await sockets.connect(stack.gatewayA, admin);
    await join(adminSocket, session.id);
    const toCustomer = collect<NewMessageEvent>(customerSocket, 'new_message');
    const toAdmin = collect<NewMessageEvent>(adminSocket, 'new_message');

    // The agent writes a note through the SDK, then a reply.
    const sdk = new ParleyClient({ url: stack.gatewayB, token: agent.token, transports: ['websocket'] });
    clients.push(sdk);
    await sdk.connect();
    await sdk.join(session.id);
    const note = await sdk.sendNote(session.id, 'Courier flagged, offer a refund');
    expect(note.seq).toBe(3);
    // What a socket got is collected from before the send: the event may beat the ack.
    await eventually(() => expect(toAdmin.map((e) => [e.message.seq, e.message.message_type, e.message.sender_role])).toEqual([[3, 'note', 'support']]), 10_000);
    await send(agentSocket, session.id, 'We are on it');
    await eventually(() => expect(contents(toCustomer)).toEqual(['We are on it']), 10_000);
    await eventually(() => expect(toAdmin.map((e) => e.message.seq)).toEqual([3, 4]), 10_000);

    // Joining afresh and catching up: the customer never gets the note; staff do.
    const again = await sockets.connect(stack.gatewayB, customer);
    expect((await join(again, session.id)).messages.map((m) => m.seq)).toEqual([1, 2, 4]);
    expect((await join(again, session.id, 2)).messages.map((m) => m.content)).toEqual(['We are on it']);
    expect((await join(adminSocket, session.id, 2)).messages.map((m) => m.message_type)).toEqual(['note', 'text']);

    // REST history: pages and after a seq.
    expect((await history(stack.gatewayA, customer, session.id)).messages.map((m) => m.seq)).toEqual([1, 2, 4]);
    const paged = await history(stack.gatewayA, customer, session.id, '?limit=1&offset=1');
    expect(paged.messages.map((m) => m.seq)).toEqual([2]);
    expect((await history(stack.gatewayB, customer, session.id, '?after_seq=2')).messages.map((m) => m.seq)).toEqual([4]);
    expect((await history(stack.gatewayB, admin, session.id, '?after_seq=2')).messages.map((m) => m.seq)).toEqual([3, 4]);

    // A last note: the customer's last message and unread count stay on the reply.
    await sdk.sendNote(session.id, 'Refund issued');
    await eventually(() => expect(toAdmin.map((e) => e.message.seq)).toEqual([3, 4, 5]), 10_000);
    const forCustomer = await sessionFor(stack.gatewayA, customer.token, session.id);
    expect(forCustomer).toMatchObject({ unread_count: 1, last_message: { seq: 4, content: 'We are on it' } });
    const listed = await api(stack.gatewayA, 'GET', '/api/v1/chat/sessions', { token: customer.token });
    expect(listed.body.data.find((s: ChatSessionView) => s.id === session.id)).toMatchObject({ unread_count: 1, last_message: { seq: 4 } });
    expect(await sessionFor(stack.gatewayB, admin.token, session.id)).toMatchObject({ last_message: { seq: 5, message_type: 'note' } });
    // Marking everything read takes in no note; the note's id is not one the customer may name.
    const marked = (await request<{ message_ids: string[] }>(customerSocket, 'mark_as_read', { session_id: session.id })).data?.message_ids ?? [];
    expect(marked.length).toBeGreaterThan(0);
    expect(marked).not.toContain(note.message_id);
    const named = await refused(customerSocket, 'mark_as_read', { session_id: session.id, message_ids: [note.message_id] });
    expect(named.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(await sessionFor(stack.gatewayA, customer.token, session.id)).toMatchObject({ unread_count: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(contents(toCustomer)).toEqual(['We are on it']);
    expect(toAdmin.map((e) => e.message.seq)).toEqual([3, 4, 5]);
  });

  it("refuses a customer's note clearly, over the socket and REST, and stores nothing", async () => {
    const customer = testUser('customer', 'Cleo Notes');
    const agent = testUser('support', 'Bo Notes');
    const { session, customerSocket } = await conversation({ stack, sockets, customer, agent });
    const { ack, error } = await refused(customerSocket, 'send_message', { session_id: session.id, content: 'psst', message_type: 'note', temp_id: 'n-1' });
    expect(error).toMatchObject({ code: 'PERMISSION_DENIED', message: 'Only support agents and admins write private notes', event: 'send_message', temp_id: 'n-1' });
    expect(ack.error).toMatchObject({ code: 'PERMISSION_DENIED' });
    const rest = await api(stack.gatewayA, 'POST', `/api/v1/chat/sessions/${session.id}/messages`, { token: customer.token, body: { content: 'psst', message_type: 'note' } });
    expect(rest.status).toBe(403);
    expect(rest.body).toEqual({ success: false, error: { code: 'PERMISSION_DENIED', message: 'Only support agents and admins write private notes' } });
    expect((await history(stack.gatewayA, agent, session.id)).messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('answers bad input for message_type with the error event and a 400 envelope', async () => {
    const customer = testUser('customer', 'Dan Notes');
    const agent = testUser('support', 'Eve Notes');
    const { session, agentSocket } = await conversation({ stack, sockets, customer, agent });
    for (const message_type of ['memo', 42, 'NOTE']) {
      const { error } = await refused(agentSocket, 'send_message', { session_id: session.id, content: 'x', message_type });
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('message_type') });
      const rest = await api(stack.gatewayB, 'POST', `/api/v1/chat/sessions/${session.id}/messages`, { token: agent.token, body: { content: 'x', message_type } });
      expect(rest.status).toBe(400);
      expect(rest.body).toEqual({ success: false, error: expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('message_type') }) });
    }
    // A note is text only, and not empty.
    const withFile = await api(stack.gatewayB, 'POST', `/api/v1/chat/sessions/${session.id}/messages`, {
      token: agent.token,
      body: { content: 'see file', message_type: 'note', attachment_ids: ['6f1c1d2e-1111-4222-8333-944455556666'] },
    });
    expect(withFile.status).toBe(400);
    expect(withFile.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'A private note carries text only' });
    const empty = await refused(agentSocket, 'send_message', { session_id: session.id, content: '  ', message_type: 'note' });
    expect(empty.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('content') });
    expect((await history(stack.gatewayB, agent, session.id)).messages.map((m) => m.seq)).toEqual([1, 2]);
  });
});
