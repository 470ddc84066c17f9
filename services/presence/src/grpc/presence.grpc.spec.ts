import * as grpc from '@grpc/grpc-js';
import { createEvent, routingKeys, type AgentRoster, type EventEnvelope, type Identity } from '@parley/contracts';
import type { AppError } from '@parley/errors';
import { presenceProto, internalClientOptions } from '@parley/grpc';
import { renderMetrics } from '@parley/metrics';
import { eventually, TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { gateway, user } from '../testing/identities';
import { startPresenceHarness, type PresenceHarness } from '../testing/presence-harness';

/**
 * The presence service over gRPC, with a real session service and PostgreSQL. Short lease and
 * typing timings so reaping and expiry happen within the test.
 */
describe('presence service over gRPC', () => {
  let h: PresenceHarness;
  const customer = user('customer', 'Cleo');
  const agent = user('support', 'Ana');
  let sessionId: string;
  const as = (identity: Identity) => ({ identity });
  const ref = (socket: string, gw = 'gw-a') => ({ gateway_id: gw, socket_id: socket, session_id: sessionId });
  const ofType = (type: EventEnvelope['type']) => h.events.filter((e) => e.type === type && (e.data as { session_id: string }).session_id === sessionId).map((e) => e.data);

  beforeAll(async () => {
    h = await startPresenceHarness({ PRESENCE_LEASE_TTL_MS: '1000', PRESENCE_REAP_INTERVAL_MS: '200', TYPING_TTL_MS: '800', TYPING_SWEEP_INTERVAL_MS: '200', TYPING_THROTTLE_MS: '400' });
  });
  afterAll(() => h.stop());
  beforeEach(async () => {
    sessionId = (await h.sessions.createSession({ subject: 'Help', priority: 'medium' }, as(customer))).id;
  });

  it('answers participants over every gateway and publishes user.joined / user.left once per user', async () => {
    await h.presence.connect({ gateway_id: 'gw-a', socket_id: 'c1' }, as(customer));
    expect((await h.presence.join(ref('c1'), as(customer))).participants).toEqual([{ user_id: customer.userId, role: 'customer', name: 'Cleo' }]);
    await h.presence.join(ref('a1', 'gw-b'), as(agent));
    await h.presence.join(ref('a2', 'gw-a'), as(agent));
    expect((await h.presence.join(ref('c1'), as(customer))).participants.map((p) => p.name)).toEqual(['Cleo', 'Ana']);
    // Both tabs close at the same moment: exactly one user.left.
    await Promise.all([h.presence.disconnect({ gateway_id: 'gw-b', socket_id: 'a1' }, as(agent)), h.presence.disconnect({ gateway_id: 'gw-a', socket_id: 'a2' }, as(agent))]);
    // The customer leaves after: once their user.left is here, a second one of the agent's would be too.
    await h.presence.disconnect({ gateway_id: 'gw-a', socket_id: 'c1' }, as(customer));
    await eventually(() => expect(ofType('user.left').length).toBeGreaterThanOrEqual(2));
    expect(ofType('user.left')).toEqual([
      { session_id: sessionId, user_id: agent.userId, role: 'support' },
      { session_id: sessionId, user_id: customer.userId, role: 'customer' },
    ]);
    expect(ofType('user.joined').map((d) => (d as { user: { name: string } }).user.name)).toEqual(['Cleo', 'Ana']);
  });

  it('reaps a gateway that stops renewing, and keeps one that renews', async () => {
    await h.presence.join(ref('c9', 'gw-alive'), as(customer));
    await h.presence.join(ref('a9', 'gw-dead'), as(agent));
    const renewing = setInterval(() => void h.presence.renewLease('gw-alive', as(gateway())), 200);
    try {
      await eventually(() => expect(ofType('user.left')).toEqual([{ session_id: sessionId, user_id: agent.userId, role: 'support' }]), 5000);
      expect((await h.presence.join(ref('c9', 'gw-alive'), as(customer))).participants.map((p) => p.user_id)).toEqual([customer.userId]);
      expect((await h.presence.renewLease('gw-dead', as(gateway()))).known).toBe(false);
    } finally {
      clearInterval(renewing);
      await h.presence.releaseGateway('gw-alive', as(gateway()));
      await h.presence.releaseGateway('gw-dead', as(gateway()));
    }
  });

  it('announces a burst of Typing from an older gateway once, records it behind the signal, and sweeps the row when it expires', async () => {
    await h.presence.join(ref('a3'), as(agent));
    for (let i = 0; i < 5; i += 1) await h.presence.typing(ref('a3'), as(agent));
    expect(ofType('typing.started')).toEqual([{ session_id: sessionId, user_id: agent.userId, user_name: 'Ana' }]);
    // The record follows the signal: one row, gone once it expired (800 ms) and the sweeper ran.
    await eventually(async () => expect(await h.db.knex('typing_indicators').where({ session_id: sessionId })).toEqual([expect.objectContaining({ user_id: agent.userId, user_name: 'Ana' })]));
    await eventually(async () => expect(await h.db.knex('typing_indicators').where({ session_id: sessionId })).toEqual([]), 5000);
    await h.presence.releaseGateway('gw-a', as(gateway()));
  });

  it('records what today\'s gateways announce, and forgets a typist who stopped', async () => {
    const announce = (type: 'typing.started' | 'typing.stopped') =>
      h.bus.publishTransient([
        createEvent(type, routingKeys.session(sessionId, type), type === 'typing.started' ? { session_id: sessionId, user_id: customer.userId, user_name: 'Cleo' } : { session_id: sessionId, user_id: customer.userId }),
      ] as EventEnvelope[]);
    announce('typing.started');
    await eventually(async () => expect(await h.db.knex('typing_indicators').where({ session_id: sessionId }).select('user_id')).toEqual([{ user_id: customer.userId }]));
    announce('typing.stopped');
    await eventually(async () => expect(await h.db.knex('typing_indicators').where({ session_id: sessionId })).toEqual([]));
  });

  it('lists online agents for staff only', async () => {
    await h.presence.join(ref('a4', 'gw-c'), as(agent));
    const { agents } = await h.presence.listOnlineAgents(as(agent));
    expect(agents).toEqual([expect.objectContaining({ user_id: agent.userId, name: 'Ana', connections: 1, session_ids: [sessionId] })]);
    await expect(h.presence.listOnlineAgents(as(customer))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await h.presence.releaseGateway('gw-c', as(gateway()));
    expect((await h.presence.listOnlineAgents(as(agent))).agents).toEqual([]);
  });

  it('keeps availability and since when an agent is offline, for the assigner', async () => {
    const bo = user('support', 'Bo');
    const service = { identity: { userId: 'parley', role: 'service' as const, name: 'Parley' } };
    await h.presence.connect({ gateway_id: 'gw-d', socket_id: 'b1' }, as(bo));
    const changed = await h.presence.setAvailability('away', as(bo));
    expect(changed).toEqual({ agent_id: bo.userId, agent_name: 'Bo', status: 'away' });
    await eventually(() => expect(h.events.filter((e) => e.type === 'agent.availability_changed').map((e) => e.data)).toContainEqual(changed));
    const states = async () => (await h.presence.listAgentStates(service)).agents.filter((a) => a.agent_id === bo.userId);
    expect(await states()).toEqual([{ agent_id: bo.userId, agent_name: 'Bo', online: true, availability: 'away', offline_since: '' }]);
    expect((await h.presence.listOnlineAgents(as(bo))).agents.find((a) => a.user_id === bo.userId)?.availability).toBe('away');

    const before = Date.now();
    await h.presence.disconnect({ gateway_id: 'gw-d', socket_id: 'b1' }, as(bo));
    const [gone] = await states();
    expect(gone).toEqual(expect.objectContaining({ online: false, availability: 'away' }));
    expect(Date.parse(gone.offline_since)).toBeGreaterThanOrEqual(before - 1000);
    // Back online: offline_since clears, the availability stays what the agent chose.
    await h.presence.connect({ gateway_id: 'gw-d', socket_id: 'b2' }, as(bo));
    expect(await states()).toEqual([expect.objectContaining({ online: true, availability: 'away', offline_since: '' })]);
    await h.presence.setAvailability('available', as(bo));
    expect(await states()).toEqual([expect.objectContaining({ availability: 'available' })]);
    await h.presence.releaseGateway('gw-d', as(gateway()));
    expect(await states()).toEqual([expect.objectContaining({ online: false })]);
    // Each step reached the supervisors as the whole roster, Bo's line as it then stood.
    const rosterOfBo = () =>
      h.events
        .filter((e) => e.type === 'agent.roster_changed')
        .flatMap((e) => (e.data as AgentRoster).agents.filter((a) => a.agent_id === bo.userId))
        .map((a) => [a.online, a.availability]);
    await eventually(() => expect(rosterOfBo()).toEqual([[true, 'available'], [true, 'away'], [false, 'away'], [true, 'away'], [true, 'available'], [false, 'available']]));
  });

  it('exports the support agents online and available to Prometheus', async () => {
    const [cy, di] = [user('support', 'Cy'), user('support', 'Di')];
    await h.presence.connect({ gateway_id: 'gw-m', socket_id: 'm1' }, as(cy));
    await h.presence.connect({ gateway_id: 'gw-m', socket_id: 'm2' }, as(di));
    await h.presence.setAvailability('away', as(di));
    const states = (await h.presence.listAgentStates(as(cy))).agents;
    const figure = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
    const text = await renderMetrics();
    expect(figure(text, 'parley_agents_online')).toBe(states.filter((a) => a.online).length);
    expect(figure(text, 'parley_agents_available')).toBe(states.filter((a) => a.online && a.availability === 'available').length);
    expect(figure(text, 'parley_agents_online') - figure(text, 'parley_agents_available')).toBeGreaterThanOrEqual(1);
  });

  it('lets only support agents set an availability, only to available or away, and shows agent states to services and staff only', async () => {
    const admin = user('admin', 'Root');
    for (const [label, call, code] of [
      ['a customer', () => h.presence.setAvailability('away', as(customer)), 'PERMISSION_DENIED'],
      ['an admin', () => h.presence.setAvailability('away', as(admin)), 'PERMISSION_DENIED'],
      ['an unknown status', () => h.presence.setAvailability('busy', as(agent)), 'INVALID_ARGUMENT'],
      ['no status', () => h.presence.setAvailability('', as(agent)), 'INVALID_ARGUMENT'],
      ['a customer listing agents', () => h.presence.listAgentStates(as(customer)), 'PERMISSION_DENIED'],
    ] as const) {
      const error = await call().then(() => null, (e: AppError) => e);
      expect({ label, code: error?.code }).toEqual({ label, code });
    }
    expect(await h.db.knex('agent_states').where({ agent_id: agent.userId }).whereNot({ availability: 'available' })).toEqual([]);
  });

  it('maps refusals to gRPC status codes and never leaks details', async () => {
    const stranger = user('customer', 'Sam');
    const refusals: Array<[string, () => Promise<unknown>, AppError['code']]> = [
      ['a stranger joining', () => h.presence.join(ref('s1'), as(stranger)), 'PERMISSION_DENIED'],
      ['an unknown session', () => h.presence.join({ ...ref('s1'), session_id: '00000000-0000-4000-8000-000000000009' }, as(customer)), 'NOT_FOUND'],
      ['a bad session id', () => h.presence.join({ ...ref('s1'), session_id: 'nope' }, as(customer)), 'INVALID_ARGUMENT'],
      ['typing without joining', () => h.presence.typing(ref('s2'), as(customer)), 'PERMISSION_DENIED'],
      ['a user renewing a lease', () => h.presence.renewLease('gw-a', as(customer)), 'PERMISSION_DENIED'],
    ];
    for (const [label, call, code] of refusals) {
      const error = await call().then(() => null, (e: AppError) => e);
      expect({ label, code: error?.code }).toEqual({ label, code });
    }
    const client = new (presenceProto().PresenceService)(h.presenceAddress, grpc.credentials.createInsecure(), internalClientOptions(TEST_INTERNAL_GRPC_TOKEN));
    const anonymous = await new Promise<grpc.ServiceError | null>((resolve) => client.Typing(ref('x'), new grpc.Metadata(), (error) => resolve(error)));
    client.close();
    expect(anonymous).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    expect(await h.db.knex('presence_memberships').where({ session_id: sessionId })).toEqual([]);
  });
});
