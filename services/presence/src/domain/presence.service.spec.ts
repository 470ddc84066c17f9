import { AppError } from '@parley/errors';
import { FakePresenceRepository } from '../testing/fake-presence.repository';
import { FakeSessionDirectory } from '@parley/testing';
import { gateway, ManualClock, user } from '../testing/identities';
import { createPresenceService } from './presence.service';

const TIMINGS = { leaseTtlMs: 20_000, typingTtlMs: 10_000, typingThrottleMs: 3000 };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as AppError).code;
  }
  throw new Error('did not fail');
}

describe('presence service', () => {
  let repo: FakePresenceRepository;
  let sessions: FakeSessionDirectory;
  let clock: ManualClock;
  let presence: ReturnType<typeof createPresenceService>;
  const customer = user('customer', 'Cleo');
  const agent = user('support', 'Ana');
  let sessionId: string;
  const ref = (socket: string, gw = 'gw-a') => ({ gateway_id: gw, socket_id: socket });
  const inSession = (socket: string, gw = 'gw-a') => ({ ...ref(socket, gw), session_id: sessionId });

  beforeEach(() => {
    repo = new FakePresenceRepository();
    sessions = new FakeSessionDirectory();
    clock = new ManualClock();
    presence = createPresenceService({ presence: repo, sessions, timings: TIMINGS, now: clock.now });
    sessionId = sessions.open(customer).id;
  });

  it('lists who is in a session, first joined first, and announces each user once', async () => {
    await presence.connect(customer, ref('c1'));
    expect(await presence.join(customer, inSession('c1'))).toEqual([{ user_id: customer.userId, role: 'customer', name: 'Cleo' }]);
    await presence.connect(agent, ref('a1', 'gw-b'));
    const participants = await presence.join(agent, inSession('a1', 'gw-b'));
    expect(participants.map((p) => p.user_id)).toEqual([customer.userId, agent.userId]);
    // A second tab (another gateway): no second announcement, still two participants.
    expect((await presence.join(agent, inSession('a2'))).map((p) => p.name)).toEqual(['Cleo', 'Ana']);
    expect(repo.data('user.joined')).toEqual([
      { session_id: sessionId, user: { user_id: customer.userId, role: 'customer', name: 'Cleo' } },
      { session_id: sessionId, user: { user_id: agent.userId, role: 'support', name: 'Ana' } },
    ]);
  });

  it('lets a user with two tabs leave only when the last one goes', async () => {
    await presence.join(agent, inSession('a1'));
    await presence.join(agent, inSession('a2', 'gw-b'));
    await presence.disconnect(agent, ref('a1'));
    expect(repo.data('user.left')).toEqual([]);
    await presence.leave(agent, inSession('a2', 'gw-b'));
    expect(repo.data('user.left')).toEqual([{ session_id: sessionId, user_id: agent.userId, role: 'support' }]);
    // Leaving again, or a socket that never joined: nothing.
    await presence.leave(agent, inSession('a2', 'gw-b'));
    await presence.disconnect(agent, ref('never'));
    expect(repo.data('user.left')).toHaveLength(1);
  });

  it('reaps the sockets of a gateway whose lease ran out, and only those', async () => {
    await presence.join(customer, inSession('c1', 'gw-a'));
    await presence.join(agent, inSession('a1', 'gw-b'));
    clock.advance(15_000);
    expect(await presence.renewLease(gateway(), { gateway_id: 'gw-a' })).toBe(true);
    expect(await presence.reapExpired()).toBe(0);
    clock.advance(6000); // gw-b: 21 s without a renewal
    expect(await presence.reapExpired()).toBe(1);
    expect(repo.data('user.left')).toEqual([{ session_id: sessionId, user_id: agent.userId, role: 'support' }]);
    expect((await presence.join(customer, inSession('c1'))).map((p) => p.user_id)).toEqual([customer.userId]);
    // The reaped gateway comes back: its lease is unknown, so it reports its sockets again.
    expect(await presence.renewLease(gateway(), { gateway_id: 'gw-b' })).toBe(false);
    expect(await presence.renewLease(gateway(), { gateway_id: 'gw-b' })).toBe(true);
  });

  it('gives a gateway a lease when its first socket registers, and leaves a live lease alone after that', async () => {
    await presence.join(customer, inSession('c1', 'gw-a'));
    const granted = repo.gateways.get('gw-a');
    expect(granted).toEqual(new Date(clock.now().getTime() + TIMINGS.leaseTtlMs));
    clock.advance(5000);
    await presence.join(agent, inSession('a1', 'gw-a'));
    // Only the gateway's own renewals move a live lease (they lock its row; a storm of sockets must not).
    expect(repo.gateways.get('gw-a')).toEqual(granted);
    clock.advance(16_000); // the lease ran out, unrenewed: a socket registering now takes a new one
    await presence.join(customer, inSession('c2', 'gw-a'));
    expect(repo.gateways.get('gw-a')).toEqual(new Date(clock.now().getTime() + TIMINGS.leaseTtlMs));
  });

  it('releases a restarted gateway at once', async () => {
    await presence.join(agent, inSession('a1', 'gw-b'));
    await presence.releaseGateway(gateway(), { gateway_id: 'gw-b' });
    expect(repo.data('user.left')).toEqual([{ session_id: sessionId, user_id: agent.userId, role: 'support' }]);
    expect(repo.connections.size).toBe(0);
  });

  it('shows staff the agents online with their connections and sessions', async () => {
    await presence.connect(customer, ref('c1'));
    await presence.join(agent, inSession('a1'));
    await presence.connect(agent, ref('a2', 'gw-b'));
    expect(await presence.onlineAgents(agent)).toEqual([
      expect.objectContaining({ user_id: agent.userId, role: 'support', name: 'Ana', connections: 2, session_ids: [sessionId] }),
    ]);
    expect(await codeOf(presence.onlineAgents(customer))).toBe('PERMISSION_DENIED');
  });

  it('tells the supervisors when an agent comes online and goes offline, not of every tab', async () => {
    const rosters = () => repo.data('agent.roster_changed') as Array<{ agents: Array<{ agent_id: string; online: boolean }> }>;
    await presence.connect(agent, ref('a1'));
    await presence.connect(agent, ref('a2', 'gw-b'));
    await presence.connect(customer, ref('c1'));
    expect(rosters().map((r) => r.agents)).toEqual([[expect.objectContaining({ agent_id: agent.userId, online: true })]]);
    await presence.disconnect(agent, ref('a1'));
    expect(rosters()).toHaveLength(1);
    await presence.disconnect(agent, ref('a2', 'gw-b'));
    expect(rosters().map((r) => r.agents[0].online)).toEqual([true, false]);
  });

  it('refuses bad input and strangers, changing nothing', async () => {
    await presence.connect(agent, ref('a1'));
    const announced = [...repo.events];
    const stranger = user('customer', 'Sam');
    const cases: Array<[string, () => Promise<unknown>, string]> = [
      ['a bad socket id', () => presence.connect(customer, ref('no spaces allowed')), 'INVALID_ARGUMENT'],
      ['a bad gateway id', () => presence.connect(customer, ref('c1', '')), 'INVALID_ARGUMENT'],
      ['a bad session id', () => presence.join(customer, { ...ref('c1'), session_id: 'x' }), 'INVALID_ARGUMENT'],
      ['an unknown session', () => presence.join(customer, { ...ref('c1'), session_id: '00000000-0000-4000-8000-000000000001' }), 'NOT_FOUND'],
      ["another's session", () => presence.join(stranger, inSession('s1')), 'PERMISSION_DENIED'],
      ["another's socket", () => presence.join(customer, inSession('a1')), 'PERMISSION_DENIED'],
      ["disconnecting another's socket", () => presence.disconnect(customer, ref('a1')), 'PERMISSION_DENIED'],
      ['a service connecting', () => presence.connect(gateway(), ref('g1')), 'PERMISSION_DENIED'],
      ['a user renewing a lease', () => presence.renewLease(customer, { gateway_id: 'gw-a' }), 'PERMISSION_DENIED'],
      ['a user releasing a gateway', () => presence.releaseGateway(agent, { gateway_id: 'gw-a' }), 'PERMISSION_DENIED'],
    ];
    for (const [label, call, code] of cases) expect({ label, code: await codeOf(call()) }).toEqual({ label, code });
    expect([...repo.connections.keys()]).toEqual(['a1']);
    expect(repo.memberships).toEqual([]);
    expect(repo.events).toEqual(announced);
  });
});
