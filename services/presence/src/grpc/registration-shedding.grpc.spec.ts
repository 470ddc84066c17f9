import type { Identity } from '@parley/contracts';
import type { AppError } from '@parley/errors';
import { callerToProto } from '@parley/grpc';
import { gateway, user } from '../testing/identities';
import { startPresenceHarness, type PresenceHarness } from '../testing/presence-harness';

jest.setTimeout(30_000);

const as = (identity: Identity) => ({ identity });

/**
 * A reconnect storm: many more joins at once than the service takes. Past MAX_REGISTRATIONS_RUNNING
 * they are refused at once with RESOURCE_EXHAUSTED (the clients retry later) rather than queued
 * until their deadline; what was refused registered nothing.
 */
describe('presence service under more joins than it runs at once', () => {
  let h: PresenceHarness;
  beforeAll(async () => {
    h = await startPresenceHarness({ MAX_REGISTRATIONS_RUNNING: '2' });
  });
  afterAll(() => h.stop());

  it('refuses the joins past the bound, registers exactly the ones it answered, and takes a retried join', async () => {
    const customers = Array.from({ length: 30 }, (_, i) => user('customer', `storm-${i}`));
    const sessionIds = await Promise.all(customers.map(async (c) => (await h.sessions.createSession({ subject: 'Storm' }, as(c))).id));
    const joins = customers.map((c, i) => ({ customer: c, ref: { gateway_id: 'gw-a', socket_id: `storm-${i}`, session_id: sessionIds[i] } }));

    const outcomes = await Promise.allSettled(joins.map(({ customer, ref }) => h.presence.join(ref, as(customer))));

    const refused = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [{ i, error: o.reason as AppError }] : []));
    const answered = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    expect(refused.length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(0);
    expect(refused.map((r) => r.error.code)).toEqual(refused.map(() => 'RESOURCE_EXHAUSTED'));
    expect(refused[0].error.message).toMatch(/busy/);
    const registered: string[] = await h.db.knex('presence_memberships').pluck('socket_id');
    expect(registered.sort()).toEqual(answered.map((i) => `storm-${i}`).sort());

    // Retried one at a time, every refused join goes through.
    for (const { i } of refused) {
      const { participants } = await h.presence.join(joins[i].ref, as(joins[i].customer));
      expect(participants.map((p) => p.user_id)).toEqual([joins[i].customer.userId]);
    }
    expect(await h.db.knex('presence_memberships').count<{ count: number }[]>('* as count')).toEqual([{ count: 30 }]);
  });

  it('never refuses a staff socket connecting (the gateway does not retry it)', async () => {
    const agents = Array.from({ length: 20 }, (_, i) => user('support', `agent-${i}`));
    await Promise.all(agents.map((a, i) => h.presence.connect({ gateway_id: 'gw-b', socket_id: `agent-${i}` }, as(a))));
    expect(await h.db.knex('presence_connections').where({ gateway_id: 'gw-b' }).count<{ count: number }[]>('* as count')).toEqual([{ count: 20 }]);
  });

  it("counts a batch's items one by one: past the bound they are refused and register nothing, and the batch's places free when it ends", async () => {
    const customers = Array.from({ length: 6 }, (_, i) => user('customer', `batch-${i}`));
    const sessionIds = await Promise.all(customers.map(async (c) => (await h.sessions.createSession({ subject: 'Batch' }, as(c))).id));
    const items = customers.map((c, i) => ({ caller: callerToProto({ identity: c }), socket: { gateway_id: 'gw-c', socket_id: `batch-${i}`, session_id: sessionIds[i] } }));

    const { outcomes } = await h.presence.joinMany(items, as(gateway()));
    expect(outcomes.map((o) => o.outcome === 'joined' ? 'joined' : o.error?.code)).toEqual(['joined', 'joined', ...Array(4).fill('RESOURCE_EXHAUSTED')]);
    expect(outcomes[2].error?.message).toMatch(/busy/);
    expect((await h.db.knex('presence_connections').where({ gateway_id: 'gw-c' }).pluck('socket_id')).sort()).toEqual(['batch-0', 'batch-1']);
    // The refused ones again: the bound counts what runs now, not what ran.
    const again = await h.presence.joinMany(items.slice(2, 4), as(gateway()));
    expect(again.outcomes.map((o) => o.outcome)).toEqual(['joined', 'joined']);
    // Connects are never refused, in a batch either.
    const agents = Array.from({ length: 10 }, (_, i) => user('support', `batch-agent-${i}`));
    const connected = await h.presence.connectMany(agents.map((a, i) => ({ caller: callerToProto({ identity: a }), socket: { gateway_id: 'gw-c', socket_id: `batch-agent-${i}` } })), as(gateway()));
    expect(connected.outcomes.every((o) => !o.error)).toBe(true);
  });
});
