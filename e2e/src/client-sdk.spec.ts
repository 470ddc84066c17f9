import type { ChatMessage } from '@parley/contracts';
import { ParleyClient, ParleyError } from '@parley/client';
import { signToken } from '@parley/auth';
import { eventually, TEST_JWT_SECRET, testUser } from '@parley/testing';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(60_000);

/** The SDK against the real stack: two gateways as separate processes, PostgreSQL and RabbitMQ. */
describe('@parley/client against the real gateways', () => {
  let stack: Stack;
  const clients: ParleyClient[] = [];
  const customer = testUser('customer', 'Cleo');
  const agent = testUser('support', 'Ana');

  beforeAll(async () => {
    stack = await startStack({ label: 'client-sdk' });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.disconnect()));
  afterAll(() => stack?.stop());

  async function client(url: string, token: string | (() => string)): Promise<ParleyClient> {
    const c = new ParleyClient({ url, token, transports: ['websocket'], reconnectionDelayMs: 100, reconnectionDelayMaxMs: 300, ackTimeoutMs: 5000, typingStopMs: 300 });
    clients.push(c);
    await c.connect();
    return c;
  }
  const collectMessages = (c: ParleyClient) => {
    const messages: ChatMessage[] = [];
    c.on('message', (m) => messages.push(m));
    return messages;
  };
  /** Drops the transport as a network failure would; socket.io-client then reconnects by itself. */
  const dropConnection = (c: ParleyClient) => (c as unknown as { socket: { io: { engine: { close(): void } } } }).socket.io.engine.close();

  async function conversation() {
    const c = await client(stack.gatewayA, customer.token);
    const a = await client(stack.gatewayB, () => agent.token);
    const session = await c.rest.openSession({ subject: 'SDK', initial_message: 'Hello from the SDK' });
    await c.join(session.id);
    await a.acceptChat(session.id);
    await a.join(session.id);
    return { c, a, session };
  }

  it('refuses a bad token with the server\'s code', async () => {
    await expect(client(stack.gatewayA, 'not-a-token')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('carries a conversation and surfaces refusals as ParleyError', async () => {
    const { c, a, session } = await conversation();
    const atAgent = collectMessages(a);
    const sent = await c.send(session.id, 'Where is my food?', { tempId: 'sdk-1' });
    expect(sent).toMatchObject({ temp_id: 'sdk-1', session_id: session.id });
    await eventually(() => expect(atAgent.map((m) => m.content)).toContain('Where is my food?'));
    const refusal = await c.send(session.id, '   ').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ParleyError);
    expect(refusal).toMatchObject({ code: 'INVALID_ARGUMENT', event: 'send_message' });
  });

  it('catches up after a dropped connection: each missed message once, in order', async () => {
    const { c, a, session } = await conversation();
    const atAgent = collectMessages(a);
    const reconnected = new Promise((resolve) => a.on('connection', (state) => state === 'reconnected' && resolve(state)));
    dropConnection(a);
    for (let i = 1; i <= 5; i++) await c.send(session.id, `missed ${i}`);
    await reconnected;
    await c.send(session.id, 'after');
    const texts = () => atAgent.filter((m) => m.message_type === 'text').map((m) => m.content);
    await eventually(() => expect(texts()).toEqual(['missed 1', 'missed 2', 'missed 3', 'missed 4', 'missed 5', 'after']));
    expect(new Set(atAgent.map((m) => m.id)).size).toBe(atAgent.length);
  });

  it('queues sends made while offline and delivers them once, in order, with their temp_ids', async () => {
    const { c, a, session } = await conversation();
    const atAgent = collectMessages(a);
    const reconnected = new Promise((resolve) => c.on('connection', (state) => state === 'reconnected' && resolve(state)));
    dropConnection(c);
    const acks = ['offline 1', 'offline 2', 'offline 3'].map((text, i) => c.send(session.id, text, { tempId: `off-${i}` }));
    expect(c.pendingSends).toBeGreaterThan(0);
    await reconnected;
    const sent = await Promise.all(acks);
    expect(sent.map((s) => s.temp_id)).toEqual(['off-0', 'off-1', 'off-2']);
    expect(sent.map((s) => s.seq)).toEqual([...sent.map((s) => s.seq)].sort((x, y) => x - y));
    await eventually(() => expect(atAgent.filter((m) => m.content.startsWith('offline')).map((m) => m.content)).toEqual(['offline 1', 'offline 2', 'offline 3']));
    const stored = await c.rest.history(session.id, { limit: 50 });
    expect(stored.filter((m) => m.content.startsWith('offline'))).toHaveLength(3);
  });

  it('types with a stop timer, marks read, and sends a pre-uploaded file', async () => {
    const { c, a, session } = await conversation();
    const typing: string[] = [];
    a.on('user_typing', (e) => typing.push(`typing ${e.user_id}`));
    a.on('typing_stopped', (e) => typing.push(`stopped ${e.user_id}`));
    c.typing(session.id);
    c.typing(session.id); // a second keystroke only moves the stop timer
    await eventually(() => expect(typing).toEqual([`typing ${customer.id}`, `stopped ${customer.id}`]), 10_000);

    const received = collectMessages(a);
    const sent = await c.send(session.id, 'Anyone?');
    await eventually(() => expect(received.map((m) => m.id)).toContain(sent.message_id));
    const readAtCustomer: string[][] = [];
    c.on('messages_read', (e) => readAtCustomer.push(e.message_ids));
    const read = await a.markAsRead(session.id, [sent.message_id]);
    expect(read.message_ids).toEqual([sent.message_id]);
    await eventually(() => expect(readAtCustomer).toEqual([[sent.message_id]]));

    const pdf = new Blob([Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')], { type: 'application/pdf' });
    const [uploaded] = await c.rest.upload([{ name: 'receipt.pdf', data: pdf }]);
    expect(uploaded).toMatchObject({ file_name: 'receipt.pdf', file_type: 'application/pdf' });
    const withFile = await c.send(session.id, 'My receipt', { messageType: 'file', attachmentIds: [uploaded.id] });
    await eventually(() => expect(received.find((m) => m.id === withFile.message_id)?.attachments.map((f) => f.file_name)).toEqual(['receipt.pdf']));
  });

  it('reconnects with a fresh token when the server closes the socket at its token\'s expiry', async () => {
    const { c, session } = await conversation();
    let minted = 0;
    // The first token lives 2 s; the function the client asks on reconnect gives fresh ones.
    const refreshing = () => signToken(TEST_JWT_SECRET, { sub: agent.id, role: 'support', name: agent.name }, minted++ === 0 ? 2 : 3600);
    const a = await client(stack.gatewayB, refreshing);
    await a.join(session.id);
    const reconnected = new Promise((resolve) => a.on('connection', (state) => state === 'reconnected' && resolve(state)));
    await reconnected;
    expect(minted).toBeGreaterThanOrEqual(2);
    const received = collectMessages(a);
    await c.send(session.id, 'still there?');
    await eventually(() => expect(received.map((m) => m.content)).toContain('still there?'));
  });
});
