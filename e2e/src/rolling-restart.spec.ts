import type { ChatMessage, MessageSentEvent } from '@parley/contracts';
import { ParleyClient } from '@parley/client';
import { eventually, testUser } from '@parley/testing';
import { startStack, type ServiceName, type Stack } from './support/stack';

jest.setTimeout(120_000);

/**
 * A rolling restart (SIGTERM, then start again) under a steady stream of sends loses no message a
 * client was told was sent, and shows none twice.
 */
describe('rolling restarts under load', () => {
  let stack: Stack;
  const clients: ParleyClient[] = [];
  const customer = testUser('customer', 'Cleo');
  const agent = testUser('support', 'Ana');

  beforeAll(async () => {
    stack = await startStack({ label: 'rolling' });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.disconnect()));
  afterAll(() => stack?.stop());

  async function client(url: string, token: string): Promise<ParleyClient> {
    const c = new ParleyClient({ url, token, transports: ['websocket'], reconnectionDelayMs: 200, reconnectionDelayMaxMs: 500, ackTimeoutMs: 5000 });
    clients.push(c);
    await c.connect();
    return c;
  }

  it.each<[ServiceName]>([['gateway-a'], ['message']])('restarting %s while the customer sends', async (name) => {
    const c = await client(stack.gatewayA, customer.token);
    const a = await client(stack.gatewayB, agent.token);
    const session = await c.rest.openSession({ subject: `Rolling ${name}` });
    await c.join(session.id);
    await a.acceptChat(session.id);
    const received: ChatMessage[] = [];
    a.on('message', (m) => received.push(m));

    const total = 40;
    const acks: Promise<MessageSentEvent>[] = [];
    let restarted: Promise<void> | undefined;
    for (let i = 1; i <= total; i++) {
      acks.push(c.send(session.id, `load ${i}`, { tempId: `${name}-${i}` }));
      if (i === 10) restarted = stack.restart(name);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await restarted;
    const sent = await Promise.all(acks);

    // Every send was acknowledged once, in the order it was made, and stored once.
    expect(sent.map((s) => s.temp_id)).toEqual(Array.from({ length: total }, (_, i) => `${name}-${i + 1}`));
    expect(new Set(sent.map((s) => s.message_id)).size).toBe(total);
    const stored = (await c.rest.history(session.id, { after_seq: 0, limit: 200 })).filter((m) => m.content.startsWith('load '));
    expect(stored.map((m) => m.content)).toEqual(Array.from({ length: total }, (_, i) => `load ${i + 1}`));
    // The agent on the other gateway sees each exactly once.
    await eventually(() => expect(received.filter((m) => m.content.startsWith('load ')).map((m) => m.content)).toEqual(stored.map((m) => m.content)), 30_000);
    expect(stack.crashes()).toEqual([]);
  });
});
