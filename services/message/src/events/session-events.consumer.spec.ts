import { createEvent, routingKeys, type ChatSession } from '@parley/contracts';
import { MemoryBus } from '@parley/bus';
import { sessionFromProto } from '@parley/grpc';
import { pino } from 'pino';
import type { MessageService } from '../domain/message.service';
import { cleo } from '../testing/identities';
import { startMessageHarness, type MessageHarness } from '../testing/message-harness';
import { consumeSessionEvents } from './session-events.consumer';

const as = (identity: typeof cleo) => ({ identity });

async function waitUntil(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('session events → the chat\'s first message', () => {
  let harness: MessageHarness;
  beforeAll(async () => {
    harness = await startMessageHarness();
  });
  afterAll(() => harness.stop());

  const history = async (sessionId: string) => (await harness.messages.listMessages({ session_id: sessionId, limit: 50, offset: 0 }, as(cleo))).messages;

  it('stores the initial message of a new chat as message 1, from its requester', async () => {
    const session = await harness.sessions.createSession({ subject: 'Late order', initial_message: 'Where is my food?' }, as(cleo));
    await waitUntil(async () => (await history(session.id)).length === 1);
    expect(await history(session.id)).toEqual([
      expect.objectContaining({ seq: 1, content: 'Where is my food?', sender_id: cleo.userId, sender_role: 'customer', sender_name: cleo.name }),
    ]);
  });

  it('stores it once however often session.created is delivered', async () => {
    const proto = await harness.sessions.createSession({ subject: 'Twice' }, as(cleo));
    const session: ChatSession = sessionFromProto(proto);
    const event = createEvent('session.created', routingKeys.session(session.id, 'session.created'), { session, initial_message: 'Hello?' });
    await harness.bus.publish(event);
    await harness.bus.publish(event);
    await harness.bus.publish({ ...event, id: 'another-delivery-of-the-same-chat' });
    await waitUntil(async () => (await history(session.id)).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await history(session.id)).map((m) => m.content)).toEqual(['Hello?']);
  });

  it('retries while the database refuses, then stores it', async () => {
    await harness.db.knex.raw('alter table message_session_counters rename to counters_away');
    const session = await harness.sessions.createSession({ subject: 'Outage', initial_message: 'Still there?' }, as(cleo));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await harness.db.knex.raw('alter table counters_away rename to message_session_counters');
    await waitUntil(async () => (await history(session.id)).length === 1, 8000);
    expect((await history(session.id))[0].content).toBe('Still there?');
  });

  it('writes one system message per lifecycle event, in the chat, even after it closed', async () => {
    const session = await harness.sessions.createSession({ subject: 'Story' }, as(cleo));
    const ana = { userId: 'agent-story', role: 'support' as const, name: 'Ana' };
    await harness.sessions.acceptSession(session.id, { identity: ana });
    await harness.sessions.updateStatus({ session_id: session.id, status: 'resolved' }, { identity: ana });
    await harness.sessions.updateStatus({ session_id: session.id, status: 'closed' }, as(cleo));
    await waitUntil(async () => (await history(session.id)).length === 3);
    const lines = (await history(session.id)).map((m) => [m.message_type, m.sender_role, m.content]);
    expect(lines).toEqual([
      ['system', 'system', 'Ana accepted the chat'],
      ['system', 'system', 'Ana marked the chat resolved'],
      ['system', 'system', 'Cleo closed the chat'],
    ]);
  });
});

describe('session events of one chat arriving together', () => {
  it('are written in the order they arrive, even when recording the first takes longer', async () => {
    const bus = new MemoryBus(pino({ level: 'silent' }));
    const written: string[] = [];
    const service = { recordSystemMessage: async (_sessionId: string, line: string) => (written.push(line), { created: true }) } as unknown as MessageService;
    let first = true;
    const known = { record: () => new Promise<void>((resolve) => setTimeout(resolve, first ? ((first = false), 40) : 0)) };
    await consumeSessionEvents(bus, 'parley', service, known, pino({ level: 'silent' }));
    const session = { id: 's-1', status: 'resolved' } as ChatSession;
    const by = { user_id: 'agent-ana', role: 'support' as const, name: 'Ana' };
    await bus.publishMany([
      createEvent('session.status_changed', routingKeys.session('s-1', 'session.status_changed'), { session, previous_status: 'active', by }),
      createEvent('session.status_changed', routingKeys.session('s-1', 'session.status_changed'), { session: { ...session, status: 'closed' }, previous_status: 'resolved', by }),
    ]);
    await waitUntil(async () => written.length === 2);
    expect(written).toEqual(['Ana marked the chat resolved', 'Ana closed the chat']);
    await bus.close();
  });
});
