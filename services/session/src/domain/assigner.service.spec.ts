import type { ChatSession, EventEnvelope } from '@parley/contracts';
import { FakeAgentDirectory, FakeAnswerLedger, FakeAssignmentRepository } from '../testing/fake-assignment.repository';
import { FakeSessionRepository } from '../testing/fake-session.repository';
import type { AssignStrategy } from './assignment-policy';
import { createAssigner, type AssignerSettings } from './assigner.service';

const T0 = Date.parse('2026-11-25T12:00:00.000Z');
const minutes = (n: number) => n * 60_000;

describe('the assigner', () => {
  let sessions: FakeSessionRepository;
  let agents: FakeAgentDirectory;
  let answers: FakeAnswerLedger;
  let clock: number;

  beforeEach(() => {
    sessions = new FakeSessionRepository();
    agents = new FakeAgentDirectory();
    answers = new FakeAnswerLedger();
    clock = T0;
  });

  function assigner(settings: Partial<AssignerSettings> & { strategy: AssignStrategy }) {
    const all: AssignerSettings = { maxChatsPerAgent: 3, offlineGraceMs: 0, replyTimeoutMs: 0, batchSize: 200, ...settings };
    return createAssigner({ sessions, assignments: new FakeAssignmentRepository(sessions), agents, answers, settings: all, now: () => clock });
  }

  /** One pass that ran (the lock was free). */
  async function pass(run: ReturnType<typeof assigner>) {
    const result = await run.runPass();
    if (!result) throw new Error('the pass did not run');
    return result;
  }

  /** Waiting chats, the first created first. */
  const queue = (count: number, priority: ChatSession['priority'] = 'medium') =>
    Array.from({ length: count }, (_, i) => sessions.seed({ priority, created_at: new Date(T0 - minutes(60) + i * 1000).toISOString() }));
  const activeOf = (agentId: string) => sessions.sessions.filter((s) => s.status === 'active' && s.agent_id === agentId).length;
  const events = (type: EventEnvelope['type']) => sessions.events.filter((e) => e.type === type);

  it('does nothing while auto-assignment is off', async () => {
    queue(3);
    agents.set('ana');
    expect(await assigner({ strategy: 'off' }).runPass()).toEqual({ assigned: [], requeued: [] });
    expect(sessions.sessions.every((s) => s.status === 'waiting')).toBe(true);
  });

  it('shares 40 chats among 6 agents fairly, never past capacity; the rest wait, in queue order', async () => {
    // The repository answers the queue most urgent first (the fake keeps the seeded order).
    const urgent = queue(5, 'urgent');
    queue(35);
    ['a', 'b', 'c', 'd', 'e', 'f'].forEach((id) => agents.set(id));
    const { assigned } = await pass(assigner({ strategy: 'least_loaded', maxChatsPerAgent: 5 }));
    expect(assigned).toHaveLength(30);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map(activeOf)).toEqual([5, 5, 5, 5, 5, 5]);
    // The queue's head went first; the 10 at its end wait.
    expect(assigned.slice(0, 5).map((a) => a.session_id)).toEqual(urgent.map((s) => s.id));
    expect(sessions.sessions.filter((s) => s.status === 'waiting')).toHaveLength(10);
    expect(events('session.accepted')).toHaveLength(30);
    expect(events('session.accepted').every((e) => (e as EventEnvelope<'session.accepted'>).data.by.name === 'Parley')).toBe(true);
  });

  it('round robin takes turns even when loads differ', async () => {
    agents.set('ana');
    agents.set('bo');
    sessions.seed({ status: 'active', agent_id: 'ana', agent_name: 'ana', accepted_at: new Date(T0 - 1000).toISOString() });
    queue(4);
    const { assigned } = await pass(assigner({ strategy: 'round_robin', maxChatsPerAgent: 10 }));
    expect(assigned.map((a) => a.agent_id)).toEqual(['bo', 'ana', 'bo', 'ana']);
  });

  it('gives chats only to online, available agents', async () => {
    queue(4);
    agents.set('away', { availability: 'away' });
    agents.set('offline', { online: false, offline_since: new Date(T0).toISOString() });
    agents.set('here');
    await assigner({ strategy: 'least_loaded', maxChatsPerAgent: 2 }).runPass();
    expect([activeOf('away'), activeOf('offline'), activeOf('here')]).toEqual([0, 0, 2]);
  });

  it('assigns what waited as soon as capacity frees up', async () => {
    queue(3);
    agents.set('ana');
    const run = assigner({ strategy: 'least_loaded', maxChatsPerAgent: 2 });
    await run.runPass();
    expect(activeOf('ana')).toBe(2);
    const [done] = sessions.sessions.filter((s) => s.agent_id === 'ana');
    await sessions.change(done.id, { expect: { status: 'active' }, set: { status: 'resolved' } }, () => []);
    const { assigned } = await pass(run);
    expect(assigned).toHaveLength(1);
    expect(activeOf('ana')).toBe(2);
    expect(sessions.sessions.filter((s) => s.status === 'waiting')).toHaveLength(0);
  });

  it('gives back the chats of an agent offline past the grace period, and hands them to the next agent', async () => {
    agents.set('ana', { online: false, offline_since: new Date(T0 - minutes(3)).toISOString() });
    agents.set('bo');
    const chat = sessions.seed({ status: 'active', agent_id: 'ana', agent_name: 'Ana', updated_at: new Date(T0 - minutes(10)).toISOString() });
    const result = await pass(assigner({ strategy: 'least_loaded', offlineGraceMs: minutes(2) }));
    expect(result.requeued).toEqual([{ session_id: chat.id, agent_id: 'ana', reason: 'agent_offline' }]);
    expect(result.assigned).toEqual([{ session_id: chat.id, agent_id: 'bo' }]);
    const requeued = events('session.requeued')[0] as EventEnvelope<'session.requeued'>;
    expect(requeued.data).toEqual(expect.objectContaining({ from_agent_id: 'ana', from_agent_name: 'Ana', reason: 'agent_offline' }));
    expect(requeued.data.session).toEqual(expect.objectContaining({ status: 'waiting', agent_id: null, accepted_at: null }));
    expect(events('queue.changed').length).toBeGreaterThan(0);
  });

  it('with auto-assignment off, a requeued chat waits in the queue for an agent to accept', async () => {
    agents.set('ana', { online: false, offline_since: new Date(T0 - minutes(3)).toISOString() });
    const chat = sessions.seed({ status: 'active', agent_id: 'ana', agent_name: 'Ana', updated_at: new Date(T0 - minutes(10)).toISOString() });
    await assigner({ strategy: 'off', offlineGraceMs: minutes(2) }).runPass();
    expect(await sessions.get(chat.id)).toEqual(expect.objectContaining({ status: 'waiting', agent_id: null }));
  });

  it('takes a chat from an agent who did not reply in time, to someone else first; an agent who replied keeps theirs', async () => {
    agents.set('ana');
    agents.set('bo');
    const since = new Date(T0 - minutes(5)).toISOString();
    const silent = sessions.seed({ status: 'active', agent_id: 'ana', agent_name: 'Ana', updated_at: since });
    const answered = sessions.seed({ status: 'active', agent_id: 'bo', agent_name: 'Bo', updated_at: since });
    answers.answeredIds.add(answered.id);
    const run = assigner({ strategy: 'least_loaded', replyTimeoutMs: minutes(2) });
    const result = await pass(run);
    expect(result.requeued).toEqual([{ session_id: silent.id, agent_id: 'ana', reason: 'no_reply' }]);
    // Ana has fewer chats now, but Bo gets it: Ana let it go unanswered.
    expect(result.assigned).toEqual([{ session_id: silent.id, agent_id: 'bo' }]);
    expect(await sessions.get(answered.id)).toEqual(expect.objectContaining({ status: 'active', agent_id: 'bo' }));
    // The answered chat is not asked about again.
    answers.asked.length = 0;
    await run.runPass();
    expect(answers.asked.flat()).not.toContain(answered.id);
  });

  it('changes nothing when presence cannot be asked: nobody is taken for offline', async () => {
    agents.set('ana', { online: false, offline_since: new Date(T0 - minutes(30)).toISOString() });
    sessions.seed({ status: 'active', agent_id: 'ana', agent_name: 'Ana', updated_at: new Date(T0 - minutes(30)).toISOString() });
    queue(2);
    agents.fail = true;
    await expect(assigner({ strategy: 'least_loaded', offlineGraceMs: 1000 }).runPass()).rejects.toThrow('unreachable');
    expect(sessions.sessions.map((s) => s.status).sort()).toEqual(['active', 'waiting', 'waiting']);
    expect(sessions.events).toEqual([]);
  });

  it('loses a race with an agent gracefully: the chat is theirs, the pass goes on', async () => {
    const [first, second] = queue(2);
    agents.set('bo');
    const repository = sessions;
    const change = repository.change.bind(repository);
    // Ana accepts the first chat just before the assigner's write lands.
    repository.change = async (id, c, eventsFor) => {
      if (id === first.id && c.set.agent_id === 'bo') await change(id, { expect: { status: 'waiting' }, set: { status: 'active', agent_id: 'ana', agent_name: 'Ana' } }, () => []);
      return change(id, c, eventsFor);
    };
    const { assigned } = await pass(assigner({ strategy: 'least_loaded' }));
    expect(assigned).toEqual([{ session_id: second.id, agent_id: 'bo' }]);
    expect(await sessions.get(first.id)).toEqual(expect.objectContaining({ agent_id: 'ana' }));
  });
});
