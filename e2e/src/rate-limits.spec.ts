import { connectionRefusal, eventually, request, testUser } from '@parley/testing';
import { SocketPool, history, openSession } from './support/chat-client';
import { startStack, type Stack } from './support/stack';

/**
 * With two gateways the limits hold across them: they share one store (Redis), so a user cannot
 * double their budget or their connections by spreading over gateways, and others are unaffected.
 */
jest.setTimeout(60_000);

describe('rate limits across two gateways', () => {
  let stack: Stack;
  const sockets = new SocketPool();

  beforeAll(async () => {
    stack = await startStack({
      label: 'limits',
      gatewayEnv: { RATE_LIMIT_USER_EVENTS: '6', RATE_LIMIT_SOCKET_EVENTS: '100', RATE_LIMIT_EVENT_WINDOW_SECONDS: '120', MAX_CONNECTIONS_PER_USER: '2' },
    });
  }, 120_000);
  afterAll(async () => {
    sockets.closeAll();
    await stack?.stop();
  }, 60_000);

  it("counts a user's events on both gateways against one budget; another user keeps sending", async () => {
    const flooder = testUser('customer', 'Fiona Flood');
    const session = await openSession(stack.gatewayA, flooder, { subject: 'flood' });
    const onA = await sockets.connect(stack.gatewayA, flooder);
    const onB = await sockets.connect(stack.gatewayB, flooder);
    const outcomes: string[] = [];
    for (let i = 1; i <= 8; i += 1) {
      const answer = await request(i % 2 ? onA : onB, 'send_message', { session_id: session.id, content: `flood ${i}`, temp_id: `flood-${i}` });
      outcomes.push(answer.ok ? 'ok' : String(answer.error?.code));
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'RESOURCE_EXHAUSTED', 'RESOURCE_EXHAUSTED']);
    expect((await history(stack.gatewayB, flooder, session.id)).messages.map((m) => m.content)).toEqual(['flood 1', 'flood 2', 'flood 3', 'flood 4', 'flood 5', 'flood 6']);

    const calm = testUser('customer', 'Carl Calm');
    const calmSession = await openSession(stack.gatewayB, calm, { subject: 'calm' });
    const calmSocket = await sockets.connect(stack.gatewayB, calm);
    expect((await request(calmSocket, 'send_message', { session_id: calmSession.id, content: 'all fine here' })).ok).toBe(true);
  });

  it("caps a user's open connections over both gateways", async () => {
    const user = testUser('support', 'Tabitha Tabs');
    const first = await sockets.connect(stack.gatewayA, user);
    await sockets.connect(stack.gatewayB, user);
    expect(await connectionRefusal(stack.gatewayA, user.token)).toEqual({ code: 'RESOURCE_EXHAUSTED', message: 'Too many open connections for this user; close one first' });
    expect(await connectionRefusal(stack.gatewayB, user.token)).toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    await sockets.connect(stack.gatewayB, testUser('support', 'Somebody Else'));

    first.close();
    await eventually(async () => expect((await sockets.connect(stack.gatewayB, user)).connected).toBe(true), 10_000, 200);
  });
});
