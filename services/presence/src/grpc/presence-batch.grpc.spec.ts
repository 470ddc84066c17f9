import * as grpc from '@grpc/grpc-js';
import type { EventEnvelope, Identity } from '@parley/contracts';
import type { AppError } from '@parley/errors';
import { callerToProto, internalClientOptions, presenceProto } from '@parley/grpc';
import { eventually, TEST_INTERNAL_GRPC_TOKEN } from '@parley/testing';
import { gateway, user } from '../testing/identities';
import { startPresenceHarness, type PresenceHarness } from '../testing/presence-harness';

jest.setTimeout(30_000);

const as = (identity: Identity) => ({ identity });
const caller = (identity: Identity) => callerToProto({ identity, requestId: `req-${identity.name}` });

/** The batch RPCs over a real server, with a real session service and PostgreSQL. */
describe('presence batch RPCs over gRPC', () => {
  let h: PresenceHarness;
  const cleo = user('customer', 'Cleo');
  const ana = user('support', 'Ana');
  const stranger = user('customer', 'Sam');
  let sessionId: string;
  const socket = (socketId: string, session = sessionId, gw = 'gw-a') => ({ gateway_id: gw, socket_id: socketId, session_id: session });
  const ofType = (type: EventEnvelope['type']) => h.events.filter((e) => e.type === type && (e.data as { session_id: string }).session_id === sessionId);
  const memberships = () => h.db.knex('presence_memberships').where({ session_id: sessionId }).orderBy('socket_id').pluck('socket_id');

  beforeAll(async () => {
    h = await startPresenceHarness();
  });
  afterAll(() => h.stop());
  beforeEach(async () => {
    sessionId = (await h.sessions.createSession({ subject: 'Help', priority: 'medium' }, as(cleo))).id;
  });

  it('answers each join on its own, in order, and registers only the good ones', async () => {
    await h.presence.connect({ gateway_id: 'gw-b', socket_id: 'ana-1' }, as(ana));
    const { outcomes } = await h.presence.joinMany(
      [
        { caller: caller(cleo), socket: socket('cleo-1') },
        { caller: caller(ana), socket: socket('ana-1', sessionId, 'gw-b') },
        { caller: caller(stranger), socket: socket('sam-1') },
        { caller: caller(cleo), socket: socket('cleo-2', 'not-a-uuid') },
        { caller: caller(cleo), socket: socket('cleo-3', '00000000-0000-4000-8000-000000000009') },
        { caller: caller(cleo), socket: socket('ana-1') },
        { caller: { user_id: 'x', role: 'superuser', name: 'X', request_id: '' }, socket: socket('x-1') },
        { caller: caller(cleo) },
        { caller: caller(cleo), socket: socket('cleo-4', sessionId.toUpperCase()) },
      ],
      as(gateway()),
    );
    const both = [
      { user_id: cleo.userId, role: 'customer', name: 'Cleo' },
      { user_id: ana.userId, role: 'support', name: 'Ana' },
    ];
    expect(outcomes.map((o) => (o.outcome === 'joined' ? o.joined?.participants : o.error?.code))).toEqual([
      both,
      both,
      'PERMISSION_DENIED',
      'INVALID_ARGUMENT',
      'NOT_FOUND',
      'PERMISSION_DENIED',
      'UNAUTHENTICATED',
      'INVALID_ARGUMENT',
      both,
    ]);
    expect(outcomes[3].error?.message).toBe('session_id must be a UUID');
    expect(await memberships()).toEqual(['ana-1', 'cleo-1', 'cleo-4']);
    await eventually(() => expect(ofType('user.joined').map((e) => [(e.data as { user: { name: string } }).user.name, e.request_id])).toEqual([['Cleo', 'req-Cleo'], ['Ana', 'req-Ana']]));
    await h.presence.releaseGateway('gw-a', as(gateway()));
    await h.presence.releaseGateway('gw-b', as(gateway()));
  });

  it('connects, leaves and disconnects in batches, each item answered with its error or none', async () => {
    const bo = user('support', 'Bo');
    const connected = await h.presence.connectMany(
      [
        { caller: caller(bo), socket: { gateway_id: 'gw-c', socket_id: 'ana-c1' } },
        { caller: caller(cleo), socket: { gateway_id: 'gw-c', socket_id: 'no spaces' } },
      ],
      as(gateway()),
    );
    expect(connected.outcomes.map((o) => o.error?.code ?? 'OK')).toEqual(['OK', 'INVALID_ARGUMENT']);
    await h.presence.joinMany([{ caller: caller(bo), socket: socket('ana-c1', sessionId, 'gw-c') }, { caller: caller(cleo), socket: socket('cleo-c1', sessionId, 'gw-c') }], as(gateway()));

    const left = await h.presence.leaveMany(
      [
        { caller: caller(cleo), socket: socket('cleo-c1', sessionId, 'gw-c') },
        { caller: caller(cleo), socket: socket('ana-c1', sessionId, 'gw-c') },
        { caller: caller(cleo), socket: socket('never-joined', sessionId, 'gw-c') },
      ],
      as(gateway()),
    );
    expect(left.outcomes.map((o) => o.error?.code ?? 'OK')).toEqual(['OK', 'PERMISSION_DENIED', 'OK']);
    expect(await memberships()).toEqual(['ana-c1']);

    const gone = await h.presence.disconnectMany([{ caller: caller(bo), socket: { gateway_id: 'gw-c', socket_id: 'ana-c1' } }], as(gateway()));
    expect(gone.outcomes.map((o) => o.error?.code ?? 'OK')).toEqual(['OK']);
    expect(await memberships()).toEqual([]);
    await eventually(() => expect(ofType('user.left').map((e) => (e.data as { user_id: string }).user_id)).toEqual([cleo.userId, bo.userId]));
    const agent = await h.db.knex('agent_states').where({ agent_id: bo.userId }).first();
    expect(agent.offline_since).toEqual(expect.any(Date));
    await h.presence.releaseGateway('gw-c', as(gateway()));
  });

  it('takes batches from services only, and from no one without an identity, writing nothing', async () => {
    const items = [{ caller: caller(cleo), socket: socket('cleo-x') }];
    const refusals: Array<[string, () => Promise<unknown>, AppError['code']]> = [
      ['a user sending a batch of joins', () => h.presence.joinMany(items, as(cleo)), 'PERMISSION_DENIED'],
      ['a user sending a batch of connects', () => h.presence.connectMany(items, as(cleo)), 'PERMISSION_DENIED'],
      ['an agent sending a batch of leaves', () => h.presence.leaveMany(items, as(ana)), 'PERMISSION_DENIED'],
      ['an agent sending a batch of disconnects', () => h.presence.disconnectMany(items, as(ana)), 'PERMISSION_DENIED'],
    ];
    for (const [label, call, code] of refusals) {
      const error = await call().then(() => null, (e: AppError) => e);
      expect({ label, code: error?.code }).toEqual({ label, code });
    }
    const client = new (presenceProto().PresenceService)(h.presenceAddress, grpc.credentials.createInsecure(), internalClientOptions(TEST_INTERNAL_GRPC_TOKEN));
    const anonymous = await new Promise<grpc.ServiceError | null>((resolve) => client.JoinMany({ items }, new grpc.Metadata(), (error) => resolve(error)));
    client.close();
    expect(anonymous).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    expect(await h.db.knex('presence_connections').where({ socket_id: 'cleo-x' })).toEqual([]);
    // An empty batch is answered with no outcomes.
    expect(await h.presence.joinMany([], as(gateway()))).toEqual({ outcomes: [] });
  });
});
