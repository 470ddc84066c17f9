import type { ChatSession, Identity, SessionStatus } from '@parley/contracts';
import { FakeSessionRepository } from '../testing/fake-session.repository';
import { ana, cleo, dan, pizzeria, root } from '../testing/identities';
import { createLifecycleService } from './session-lifecycle.service';
import { createSessionService } from './session.service';

const bo: Identity = { userId: 'agent-2', role: 'support', name: 'Bo' };

function setup() {
  const sessions = new FakeSessionRepository();
  const service = createSessionService({ sessions });
  return { sessions, lifecycle: createLifecycleService({ sessions, get: service.get }) };
}

async function outcome(work: Promise<ChatSession>): Promise<string> {
  try {
    return (await work).status;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

/** A session owned by Cleo in `status`, assigned to Ana unless waiting. */
function seeded(sessions: FakeSessionRepository, status: SessionStatus): ChatSession {
  return sessions.seed({ customer_id: cleo.userId, status, ...(status === 'waiting' ? {} : { agent_id: ana.userId, agent_name: 'Ana' }) });
}

const who: Record<string, Identity> = { 'the requester': cleo, 'another customer': dan, 'a restaurant': pizzeria, 'the assigned agent': ana, 'another agent': bo, 'an admin': root };

// The authorization matrix of status changes (PATCH status and close_chat): from × to × who.
const MATRIX: Array<[SessionStatus, SessionStatus, Record<string, string>]> = [
  ['waiting', 'closed', { 'the requester': 'closed', 'another customer': 'PERMISSION_DENIED', 'a restaurant': 'PERMISSION_DENIED', 'another agent': 'closed', 'an admin': 'closed' }],
  ['active', 'resolved', { 'the requester': 'PERMISSION_DENIED', 'another customer': 'PERMISSION_DENIED', 'the assigned agent': 'resolved', 'another agent': 'PERMISSION_DENIED', 'an admin': 'resolved' }],
  ['active', 'closed', { 'the requester': 'FAILED_PRECONDITION', 'the assigned agent': 'FAILED_PRECONDITION', 'an admin': 'FAILED_PRECONDITION' }],
  ['resolved', 'closed', { 'the requester': 'closed', 'another customer': 'PERMISSION_DENIED', 'the assigned agent': 'closed', 'another agent': 'PERMISSION_DENIED', 'an admin': 'closed' }],
  ['resolved', 'active', { 'the requester': 'active', 'the assigned agent': 'active', 'another agent': 'PERMISSION_DENIED', 'an admin': 'active' }],
  ['closed', 'active', { 'the requester': 'FAILED_PRECONDITION', 'the assigned agent': 'FAILED_PRECONDITION', 'an admin': 'FAILED_PRECONDITION' }],
  ['active', 'waiting', { 'the assigned agent': 'FAILED_PRECONDITION', 'an admin': 'FAILED_PRECONDITION' }],
];

describe('session lifecycle', () => {
  describe.each(MATRIX)('%s → %s', (from, to, expected) => {
    it.each(Object.entries(expected))('%s: %s', async (person, result) => {
      const { sessions, lifecycle } = setup();
      const session = seeded(sessions, from);
      expect(await outcome(lifecycle.updateStatus(who[person], session.id, { status: to }))).toBe(result);
      // A refusal changes nothing and announces nothing.
      if (result === to) expect(sessions.events.map((e) => e.type)).toContain('session.status_changed');
      else expect({ status: (await sessions.get(session.id))?.status, events: sessions.events }).toEqual({ status: from, events: [] });
    });
  });

  it('stamps resolved_at and closed_at, and a reopen clears resolved_at', async () => {
    const { sessions, lifecycle } = setup();
    const session = seeded(sessions, 'active');
    const resolved = await lifecycle.updateStatus(ana, session.id, { status: 'resolved' });
    expect(resolved.resolved_at).not.toBeNull();
    const reopened = await lifecycle.updateStatus(cleo, session.id, { status: 'active' });
    expect(reopened).toMatchObject({ status: 'active', resolved_at: null, agent_id: ana.userId });
    await lifecycle.updateStatus(ana, session.id, { status: 'resolved' });
    expect((await lifecycle.updateStatus(cleo, session.id, { status: 'closed' })).closed_at).not.toBeNull();
  });

  it('refuses an unknown status, a missing one and unknown fields', async () => {
    const { sessions, lifecycle } = setup();
    const session = seeded(sessions, 'active');
    for (const body of [{ status: 'lost' }, {}, { status: 'resolved', why: 'x' }, null]) {
      expect(await outcome(lifecycle.updateStatus(ana, session.id, body))).toBe('INVALID_ARGUMENT');
    }
    expect(sessions.events).toEqual([]);
  });

  describe('accept', () => {
    it('makes a waiting chat active with the agent, and announces it with the new queue', async () => {
      const { sessions, lifecycle } = setup();
      const session = seeded(sessions, 'waiting');
      const accepted = await lifecycle.accept(ana, { session_id: session.id });
      expect(accepted).toMatchObject({ status: 'active', agent_id: ana.userId, agent_name: 'Ana' });
      expect(accepted.accepted_at).not.toBeNull();
      expect(sessions.events).toEqual([
        expect.objectContaining({ type: 'session.accepted', data: expect.objectContaining({ agent_id: ana.userId, agent_name: 'Ana', by: { user_id: ana.userId, role: 'support', name: 'Ana' } }) }),
        expect.objectContaining({ type: 'queue.changed', data: expect.objectContaining({ waiting: [], total: 0 }) }),
      ]);
    });

    it.each([
      ['a customer', cleo, 'PERMISSION_DENIED'],
      ['an admin (who assigns instead)', root, 'PERMISSION_DENIED'],
    ])('refuses %s', async (_label, identity, code) => {
      const { sessions, lifecycle } = setup();
      expect(await outcome(lifecycle.accept(identity, { session_id: seeded(sessions, 'waiting').id }))).toBe(code);
    });

    it('tells the second agent that the first one won', async () => {
      const { sessions, lifecycle } = setup();
      const session = seeded(sessions, 'waiting');
      await lifecycle.accept(ana, { session_id: session.id });
      await expect(lifecycle.accept(bo, { session_id: session.id })).rejects.toMatchObject({ code: 'ABORTED', message: 'Ana accepted this chat first' });
      expect(await outcome(lifecycle.accept(bo, { session_id: seeded(sessions, 'closed').id }))).toBe('FAILED_PRECONDITION');
    });

    it('answers an agent taking a chat they already have as done, announcing nothing twice', async () => {
      const { sessions, lifecycle } = setup();
      const session = seeded(sessions, 'waiting');
      await lifecycle.accept(ana, { session_id: session.id });
      const events = sessions.events.length;
      await expect(lifecycle.accept(ana, { session_id: session.id })).resolves.toMatchObject({ status: 'active', agent_id: ana.userId });
      await expect(lifecycle.assign(ana, session.id, {})).resolves.toMatchObject({ agent_id: ana.userId });
      expect(sessions.events).toHaveLength(events);
    });

    it('tells someone assigning a taken chat who has it', async () => {
      const { sessions, lifecycle } = setup();
      const session = seeded(sessions, 'waiting');
      await lifecycle.accept(ana, { session_id: session.id });
      await expect(lifecycle.assign(bo, session.id, {})).rejects.toMatchObject({ code: 'ABORTED', message: 'Ana accepted this chat first' });
      await expect(lifecycle.assign(root, session.id, { agent_id: bo.userId, agent_name: 'Bo' })).rejects.toMatchObject({ code: 'ABORTED' });
    });
  });

  describe('assign', () => {
    it('lets support take a chat and an admin name the agent', async () => {
      const { sessions, lifecycle } = setup();
      expect(await lifecycle.assign(bo, seeded(sessions, 'waiting').id, {})).toMatchObject({ agent_id: bo.userId, agent_name: 'Bo' });
      const named = await lifecycle.assign(root, seeded(sessions, 'waiting').id, { agent_id: ana.userId, agent_name: 'Ana' });
      expect(named).toMatchObject({ status: 'active', agent_id: ana.userId, agent_name: 'Ana' });
      expect(sessions.events.filter((e) => e.type === 'session.accepted').map((e) => (e.data as { by: { name: string } }).by.name)).toEqual(['Bo', 'Root']);
    });

    it.each([
      ['support naming someone else', bo, { agent_id: ana.userId, agent_name: 'Ana' }, 'PERMISSION_DENIED'],
      ['a customer', cleo, {}, 'PERMISSION_DENIED'],
      ['an admin without the agent name', root, { agent_id: ana.userId }, 'INVALID_ARGUMENT'],
      ['an unknown field', bo, { agent: 'x' }, 'INVALID_ARGUMENT'],
    ])('refuses %s', async (_label, identity, body, code) => {
      const { sessions, lifecycle } = setup();
      expect(await outcome(lifecycle.assign(identity, seeded(sessions, 'waiting').id, body))).toBe(code);
      expect(sessions.events).toEqual([]);
    });
  });

  describe('transfer', () => {
    it('hands an active chat to another agent, announcing both', async () => {
      const { sessions, lifecycle } = setup();
      const session = seeded(sessions, 'active');
      const moved = await lifecycle.transfer(ana, session.id, { agent_id: bo.userId, agent_name: 'Bo' });
      expect(moved).toMatchObject({ status: 'active', agent_id: bo.userId, agent_name: 'Bo' });
      expect(sessions.events).toEqual([
        expect.objectContaining({ type: 'session.transferred', data: expect.objectContaining({ from_agent_id: ana.userId, from_agent_name: 'Ana', to_agent_id: bo.userId, to_agent_name: 'Bo' }) }),
      ]);
    });

    it.each([
      ['by another agent', bo, 'active', { agent_id: 'agent-3', agent_name: 'Cy' }, 'PERMISSION_DENIED'],
      ['by the requester', cleo, 'active', { agent_id: bo.userId, agent_name: 'Bo' }, 'PERMISSION_DENIED'],
      ['to the same agent', ana, 'active', { agent_id: ana.userId, agent_name: 'Ana' }, 'FAILED_PRECONDITION'],
      ['of a resolved chat', ana, 'resolved', { agent_id: bo.userId, agent_name: 'Bo' }, 'FAILED_PRECONDITION'],
      ['without a name', ana, 'active', { agent_id: bo.userId }, 'INVALID_ARGUMENT'],
    ] as const)('refuses a transfer %s', async (_label, identity, status, body, code) => {
      const { sessions, lifecycle } = setup();
      expect(await outcome(lifecycle.transfer(identity, seeded(sessions, status).id, body))).toBe(code);
      expect(sessions.events).toEqual([]);
    });

    it('lets an admin transfer any active chat', async () => {
      const { sessions, lifecycle } = setup();
      expect(await lifecycle.transfer(root, seeded(sessions, 'active').id, { agent_id: bo.userId, agent_name: 'Bo' })).toMatchObject({ agent_id: bo.userId });
    });
  });
});
