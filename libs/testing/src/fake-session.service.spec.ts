import type { EventEnvelope, Identity } from '@parley/contracts';
import { SessionClient } from '@parley/grpc';
import { startFakeSessionService, type FakeSessionService } from './fake-session.service';
import { TEST_INTERNAL_GRPC_TOKEN } from './tokens';

const cleo: Identity = { userId: 'customer-1', role: 'customer', name: 'Cleo' };
const dan: Identity = { userId: 'customer-2', role: 'customer', name: 'Dan' };
const ana: Identity = { userId: 'agent-1', role: 'support', name: 'Ana' };
const as = (identity: Identity) => ({ identity });

describe('the fake session service over gRPC', () => {
  const bus = { publish: async (event: EventEnvelope) => void events.push(event) };
  const events: EventEnvelope[] = [];
  let fake: FakeSessionService;
  beforeAll(async () => {
    fake = await startFakeSessionService({ bus });
  });
  afterAll(async () => {
    await fake.stop();
  });

  it('opens, shows, accepts and closes a chat on the session service rules, publishing each step', async () => {
    const opened = await fake.client.createSession({ subject: 'Cold soup', initial_message: 'It is cold' }, as(cleo));
    expect(opened).toMatchObject({ status: 'waiting', customer_id: cleo.userId, subject: 'Cold soup' });
    await expect(fake.client.getSession(opened.id, as(dan))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(fake.client.acceptSession(opened.id, as(cleo))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(await fake.client.acceptSession(opened.id, as(ana))).toMatchObject({ status: 'active', agent_id: ana.userId });
    await expect(fake.client.acceptSession(opened.id, as(ana))).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(await fake.client.updateStatus({ session_id: opened.id, status: 'closed' }, as(ana))).toMatchObject({ status: 'closed' });
    expect((await fake.client.listSessions({ status: 'closed' }, as(cleo))).sessions.map((s) => s.id)).toEqual([opened.id]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.map((e) => e.type)).toEqual(['session.created', 'session.accepted', 'session.status_changed']);
    expect(events[0].data).toMatchObject({ initial_message: 'It is cold' });
  });

  it('refuses a chat opened by an agent, and is unreachable once stopped', async () => {
    await expect(fake.client.createSession({ subject: 'Mine' }, as(ana))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    const other = await startFakeSessionService();
    const session = other.directory.open(cleo);
    const client = new SessionClient(other.address, TEST_INTERNAL_GRPC_TOKEN);
    try {
      expect(await client.getSession(session.id, as(cleo))).toMatchObject({ id: session.id, status: 'waiting' });
      await other.stop();
      await expect(client.getSession(session.id, as(cleo))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      client.close();
      await other.stop();
    }
  });
});
