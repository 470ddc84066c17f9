import type { EventEnvelope, Identity } from '@parley/contracts';
import { routingKeys } from '@parley/contracts';
import { ana, cleo, root } from '../testing/identities';
import { startSessionHarness, type SessionHarness } from '../testing/session-harness';

const as = (identity: Identity) => ({ identity });
const agents: Identity[] = Array.from({ length: 6 }, (_, i) => ({ userId: `agent-race-${i}`, role: 'support', name: `Agent ${i}` }));

describe('session lifecycle over gRPC, on PostgreSQL', () => {
  let harness: SessionHarness;
  const events: EventEnvelope[] = [];
  beforeAll(async () => {
    harness = await startSessionHarness();
    await harness.bus.subscribe({ queue: 'agents-feed', exclusive: true, patterns: [routingKeys.lifecyclePattern(), routingKeys.agentsPattern()] }, (e) => void events.push(e));
  });
  afterAll(() => harness.stop());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('lets exactly one of six agents accepting at once win; the others hear who did', async () => {
    const session = await harness.client.createSession({ subject: 'Race' }, as(cleo));
    const results = await Promise.allSettled(agents.map((agent) => harness.client.acceptSession(session.id, as(agent))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ agent_name: string; status: string }>).value;
    expect(winner.status).toBe('active');
    expect(lost.map((r) => r.reason.code)).toEqual(Array(5).fill('ABORTED'));
    expect(lost.map((r) => r.reason.message)).toEqual(Array(5).fill(`${winner.agent_name} accepted this chat first`));
    await settle();
    expect(events.filter((e) => e.type === 'session.accepted' && (e.data as { session: { id: string } }).session.id === session.id)).toHaveLength(1);
  });

  it('walks a chat through its life, announcing every step and the queue', async () => {
    events.length = 0;
    const session = await harness.client.createSession({ subject: 'Whole life', priority: 'urgent' }, as(cleo));
    expect((await harness.client.getSession(session.id, as(cleo), true)).queue_position).toBe(1);
    await harness.client.assignSession({ session_id: session.id, agent_id: ana.userId, agent_name: 'Ana' }, as(root));
    await harness.client.transferSession({ session_id: session.id, agent_id: 'agent-9', agent_name: 'Nia' }, as(ana));
    await expect(harness.client.updateStatus({ session_id: session.id, status: 'resolved' }, as(ana))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await harness.client.updateStatus({ session_id: session.id, status: 'resolved' }, as({ userId: 'agent-9', role: 'support', name: 'Nia' }));
    const closed = await harness.client.updateStatus({ session_id: session.id, status: 'closed' }, as(cleo));
    expect(closed).toMatchObject({ status: 'closed', agent_id: 'agent-9', queue_position: 0 });
    await expect(harness.client.updateStatus({ session_id: session.id, status: 'active' }, as(cleo))).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await settle();
    const mine = events.filter((e) => e.routing_key.startsWith(`session.${session.id}.`)).map((e) => e.type);
    expect(mine).toEqual(['session.created', 'session.accepted', 'session.transferred', 'session.status_changed', 'session.status_changed']);
    const queues = events.filter((e) => e.type === 'queue.changed').map((e) => e.data as { version: number; waiting: string[] });
    expect(queues.map((q) => q.waiting.includes(session.id))).toEqual([true, false]);
    expect(queues[1].version).toBeGreaterThan(queues[0].version);
  });

  it('lists the chats assigned to the calling agent', async () => {
    const session = await harness.client.createSession({ subject: 'Mine' }, as(cleo));
    await harness.client.acceptSession(session.id, as({ userId: 'agent-mine', role: 'support', name: 'Mo' }));
    const { sessions } = await harness.client.listSessions({ assigned_to_me: true, limit: 50, offset: 0, status: '' }, as({ userId: 'agent-mine', role: 'support', name: 'Mo' }));
    expect(sessions.map((s) => s.id)).toEqual([session.id]);
  });
});
