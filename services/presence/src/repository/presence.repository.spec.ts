import type { Outcome } from '@parley/batching';
import type { EventEnvelope, Identity, Participant } from '@parley/contracts';
import type { AppError } from '@parley/errors';
import { recordRoundTrips } from '@parley/db';
import { eventually } from '@parley/testing';
import { user } from '../testing/identities';
import { openPresenceDatabase, type PresenceDatabase, type PresenceInstance } from '../testing/presence-database';

jest.setTimeout(60_000);

const asParticipant = (identity: Identity): Participant => ({ user_id: identity.userId, role: identity.role, name: identity.name });
const item = (identity: Identity, socket: string, sessionId?: string, gw = 'gw-a') => ({
  identity,
  input: { gateway_id: gw, socket_id: socket, ...(sessionId ? { session_id: sessionId } : {}) },
});
const shown = <T>(outcomes: Outcome<T>[]) => outcomes.map((o) => (o.ok ? o.value : { code: (o.error as AppError).code }));

/** (user, session) of each user.joined / user.left event about the given sessions. */
function announced(events: EventEnvelope[], type: 'user.joined' | 'user.left', sessionIds: string[]): string[] {
  return events
    .filter((e) => e.type === type && sessionIds.includes((e.data as { session_id: string }).session_id))
    .map((e) => {
      const data = e.data as { session_id: string; user_id?: string; user?: { user_id: string } };
      return `${data.user?.user_id ?? data.user_id} ${data.session_id}`;
    });
}

/** The presence service's registrations on PostgreSQL: one transaction a batch, exactly-once announcements across instances. */
describe('presence registrations (PostgreSQL)', () => {
  let store: PresenceDatabase;
  let one: PresenceInstance;

  beforeAll(async () => {
    store = await openPresenceDatabase();
    one = store.instance();
  });
  afterAll(() => store.stop());

  it('registers 200 joins of 40 users into 50 sessions in one transaction of a few statements, announcing each user once per session', async () => {
    const users = Array.from({ length: 40 }, (_, i) => user(i % 8 === 0 ? 'support' : 'customer', `user-${i}`));
    const owner = user('customer', 'Owner');
    const sessionIds = Array.from({ length: 50 }, () => store.sessions.open(owner).id);
    // Each user joins three sessions from two sockets, some more than once.
    const joins = Array.from({ length: 200 }, (_, i) => {
      const u = Math.floor(i / 5);
      return { who: users[u], socket: `big-${u}-${i % 2}`, sessionId: sessionIds[(u + 10 * (i % 3)) % 50] };
    });
    for (const j of joins) store.sessions.allow(j.who, j.sessionId);

    const roundTrips = recordRoundTrips(one.knex);
    roundTrips.texts.length = 0;
    const outcomes = await one.presence.joinMany(joins.map((j) => item(j.who, j.socket, j.sessionId)));

    // One transaction: every row it wrote carries its transaction id.
    expect(await store.db.knex('presence_memberships').countDistinct<Array<{ count: number }>>({ count: store.db.knex.raw('xmin::text') })).toEqual([{ count: 1 }]);
    // Three round trips: the locks and the registry; the writes, the agents who came online (the
    // supervisors' roster) and the participants; the outbox and the commit.
    expect(roundTrips.shapes()).toEqual(['begin select select', 'with select select', 'insert commit']);

    // Each join answered with its session's participants, first joined first.
    const firstJoiners = new Map<string, Participant[]>();
    for (const j of joins) {
      const list = firstJoiners.get(j.sessionId) ?? [];
      if (!list.some((p) => p.user_id === j.who.userId)) list.push(asParticipant(j.who));
      firstJoiners.set(j.sessionId, list);
    }
    expect(shown(outcomes)).toEqual(joins.map((j) => firstJoiners.get(j.sessionId)));
    const pairs = [...new Set(joins.map((j) => `${j.who.userId} ${j.sessionId}`))];
    expect(pairs).toHaveLength(120);
    expect(announced(await store.published(), 'user.joined', sessionIds).sort()).toEqual(pairs.sort());
    expect(await store.db.knex('presence_memberships').count<Array<{ count: number }>>('* as count')).toEqual([{ count: new Set(joins.map((j) => `${j.socket} ${j.sessionId}`)).size }]);
    expect(await store.db.knex('agent_states').whereNull('offline_since').pluck('agent_id')).toEqual(expect.arrayContaining(users.filter((u) => u.role === 'support').map((u) => u.userId)));

    // All of them gone in one batch: each user leaves each session once, agents go offline.
    const sockets = [...new Set(joins.map((j) => `${j.who.userId} ${j.socket}`))].map((key) => key.split(' '));
    const gone = await one.presence.disconnectMany(sockets.map(([userId, socket]) => item(users.find((u) => u.userId === userId) as Identity, socket)));
    expect(gone.every((o) => o.ok)).toBe(true);
    expect(announced(await store.published(), 'user.left', sessionIds).sort()).toEqual(pairs.sort());
    expect(await store.db.knex('presence_connections').count<Array<{ count: number }>>('* as count')).toEqual([{ count: 0 }]);
    expect(await store.db.knex('agent_states').whereNull('offline_since').pluck('agent_id')).toEqual([]);
  });

  it('registers joins that leave the roster alone in two round trips: the commit goes with the writes and the participants', async () => {
    const customers = Array.from({ length: 3 }, (_, i) => user('customer', `pair-${i}`));
    const sessionId = store.sessions.open(customers[0]).id;
    for (const c of customers) store.sessions.allow(c, sessionId);
    const roundTrips = recordRoundTrips(one.knex);
    roundTrips.texts.length = 0;
    // The first customer on two sockets: announced once.
    const joins = [item(customers[0], 'pair-a', sessionId), item(customers[0], 'pair-b', sessionId), ...customers.slice(1).map((c, i) => item(c, `pair-${i}`, sessionId))];
    const outcomes = await one.presence.joinMany(joins);

    expect(roundTrips.shapes()).toEqual(['begin select select', 'with select insert commit']);
    expect(shown(outcomes)).toEqual(joins.map(() => customers.map(asParticipant)));
    expect(announced(await store.published(), 'user.joined', [sessionId]).sort()).toEqual(customers.map((c) => `${c.userId} ${sessionId}`).sort());

    // Joining again changes nothing and announces nothing: the read and the commit, still two.
    roundTrips.texts.length = 0;
    expect(shown(await one.presence.joinMany(joins.slice(0, 1)))).toEqual([customers.map(asParticipant)]);
    expect(roundTrips.shapes()).toEqual(['begin select select', 'select commit']);
  });

  it('announces user.joined and user.left exactly once when two instances register the same users at once', async () => {
    const two = store.instance();
    const users = Array.from({ length: 20 }, (_, i) => user('customer', `racer-${i}`));
    for (let round = 0; round < 5; round++) {
      const sessionId = store.sessions.open(users[0]).id;
      for (const u of users) store.sessions.allow(u, sessionId);
      // Every user has a tab on each instance; the two batches list the users in opposite orders.
      const onA = users.map((u, i) => item(u, `race-${round}-a-${i}`, sessionId, 'gw-a'));
      const onB = users.map((u, i) => item(u, `race-${round}-b-${i}`, sessionId, 'gw-b')).reverse();
      const [joinedA, joinedB] = await Promise.all([one.presence.joinMany(onA), two.presence.joinMany(onB)]);
      expect([...joinedA, ...joinedB].every((o) => o.ok)).toBe(true);
      const [leftA, leftB] = await Promise.all([one.presence.leaveMany(onA), two.presence.disconnectMany(onB)]);
      expect([...leftA, ...leftB].every((o) => o.ok)).toBe(true);

      const events = await store.published();
      const everyone = users.map((u) => `${u.userId} ${sessionId}`).sort();
      expect(announced(events, 'user.joined', [sessionId]).sort()).toEqual(everyone);
      expect(announced(events, 'user.left', [sessionId]).sort()).toEqual(everyone);
    }
  });

  it('announces user.left exactly once when two instances reap the same dead gateway at once', async () => {
    const two = store.instance();
    const users = Array.from({ length: 15 }, (_, i) => user('customer', `reaped-${i}`));
    const sessionId = store.sessions.open(users[0]).id;
    for (const u of users) store.sessions.allow(u, sessionId);
    // Two tabs each on the gateway that dies; the first five users also have one on a live gateway.
    const onDead = users.flatMap((u, i) => [item(u, `dead-${i}-1`, sessionId, 'gw-dies'), item(u, `dead-${i}-2`, sessionId, 'gw-dies')]);
    const onLive = users.slice(0, 5).map((u, i) => item(u, `live-${i}`, sessionId, 'gw-lives'));
    expect([...(await one.presence.joinMany(onDead)), ...(await two.presence.joinMany(onLive))].every((o) => o.ok)).toBe(true);
    await store.db.knex('presence_gateways').where({ gateway_id: 'gw-dies' }).update({ lease_expires_at: store.db.knex.raw("now() - interval '1 minute'") });

    const [reapedByOne, reapedByTwo] = await Promise.all([one.presence.reapExpired(), two.presence.reapExpired()]);

    expect(reapedByOne + reapedByTwo).toBeGreaterThanOrEqual(onDead.length);
    const events = await store.published();
    expect(announced(events, 'user.left', [sessionId]).sort()).toEqual(users.slice(5).map((u) => `${u.userId} ${sessionId}`).sort());
    expect(await store.db.knex('presence_connections').where({ gateway_id: 'gw-dies' }).select('socket_id')).toEqual([]);
    expect(await store.db.knex('presence_gateways').where({ gateway_id: 'gw-dies' }).first()).toBeUndefined();
    expect(await store.db.knex('presence_memberships').where({ session_id: sessionId }).select('socket_id')).toHaveLength(5);
  });

  it("fails an item naming another user's socket alone, and leaves that socket as it was", async () => {
    const owner = user('customer', 'Owner');
    const thief = user('customer', 'Thief');
    const sessionId = store.sessions.open(owner).id;
    const thiefsChat = store.sessions.open(thief).id;
    await one.presence.join(owner, { gateway_id: 'gw-a', socket_id: 'owned', session_id: sessionId });

    const outcomes = await one.presence.joinMany([item(thief, 'owned', thiefsChat), item(thief, 'thiefs-own', thiefsChat)]);
    expect(shown(outcomes)).toEqual([{ code: 'PERMISSION_DENIED' }, [asParticipant(thief)]]);
    expect(shown(await one.presence.leaveMany([item(thief, 'owned', sessionId)]))).toEqual([{ code: 'PERMISSION_DENIED' }]);
    expect(shown(await one.presence.disconnectMany([item(thief, 'owned')]))).toEqual([{ code: 'PERMISSION_DENIED' }]);

    expect(await store.db.knex('presence_connections').where({ socket_id: 'owned' }).pluck('user_id')).toEqual([owner.userId]);
    expect(await store.db.knex('presence_memberships').where({ socket_id: 'owned' }).pluck('session_id')).toEqual([sessionId]);
    const events = await store.published();
    expect(announced(events, 'user.joined', [sessionId, thiefsChat])).toEqual([`${owner.userId} ${sessionId}`, `${thief.userId} ${thiefsChat}`]);
    expect(announced(events, 'user.left', [sessionId, thiefsChat])).toEqual([]);
  });

  it("gives a lease to a gateway that has none and leaves a live one's row unlocked", async () => {
    const cleo = user('customer', 'Cleo');
    await store.db.knex('presence_gateways').insert([
      { gateway_id: 'gw-live', lease_expires_at: new Date(Date.now() + 60_000) },
      { gateway_id: 'gw-expired', lease_expires_at: new Date(Date.now() - 1000) },
    ]);
    const lease = async (id: string) => (await store.db.knex('presence_gateways').where({ gateway_id: id }).first()).lease_expires_at as Date;
    const live = await lease('gw-live');
    // A transaction holding the live lease's row: a batch registering on that gateway does not wait for it.
    await store.db.knex.transaction(async (trx) => {
      await trx('presence_gateways').where({ gateway_id: 'gw-live' }).forNoKeyUpdate().first();
      const outcomes = await one.presence.connectMany([item(cleo, 'on-live', undefined, 'gw-live'), item(cleo, 'on-expired', undefined, 'gw-expired'), item(cleo, 'on-new', undefined, 'gw-new')]);
      expect(outcomes.every((o) => o.ok)).toBe(true);
    });
    expect(await lease('gw-live')).toEqual(live);
    expect((await lease('gw-expired')).getTime()).toBeGreaterThan(Date.now());
    expect((await lease('gw-new')).getTime()).toBeGreaterThan(Date.now());
    expect(await store.db.knex('presence_connections').where({ user_id: cleo.userId }).orderBy('socket_id').pluck('gateway_id')).toEqual(['gw-expired', 'gw-live', 'gw-new']);
  });

  /** Until another transaction of this database waits for a lock (the batch under test, blocked by the test's own transaction). */
  const blockedOnALock = () =>
    eventually(async () => {
      const { rows } = await store.db.knex.raw(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      expect(rows[0].n).toBeGreaterThan(0);
    });

  it('runs a batch again when another user registered the same socket id first, refusing that item then', async () => {
    const first = user('customer', 'First');
    const second = user('customer', 'Second');
    let batch: ReturnType<PresenceInstance['presence']['connectMany']> | undefined;
    await store.db.knex.transaction(async (trx) => {
      await trx('presence_gateways').insert({ gateway_id: 'gw-race', lease_expires_at: new Date(Date.now() + 60_000) });
      await trx('presence_connections').insert({ socket_id: 'contested', gateway_id: 'gw-race', user_id: first.userId, user_role: 'customer', user_name: 'First' });
      // The batch reads the registry without this uncommitted socket, then waits on its key.
      batch = one.presence.connectMany([item(second, 'contested', undefined, 'gw-race'), item(second, 'uncontested', undefined, 'gw-race')]);
      await blockedOnALock();
    });
    expect(shown(await (batch as NonNullable<typeof batch>))).toEqual([{ code: 'PERMISSION_DENIED' }, undefined]);
    expect(await store.db.knex('presence_connections').where({ gateway_id: 'gw-race' }).orderBy('socket_id').select('socket_id', 'user_id')).toEqual([
      { socket_id: 'contested', user_id: first.userId },
      { socket_id: 'uncontested', user_id: second.userId },
    ]);
  });

  it('runs a batch again when its gateway was released between the read of its lease and the registration', async () => {
    const cleo = user('customer', 'Cleo');
    await store.db.knex('presence_gateways').insert({ gateway_id: 'gw-released', lease_expires_at: new Date(Date.now() + 60_000) });
    let batch: ReturnType<PresenceInstance['presence']['connectMany']> | undefined;
    await store.db.knex.transaction(async (trx) => {
      await trx('presence_gateways').where({ gateway_id: 'gw-released' }).delete();
      // The batch sees a live lease, so gives none; its socket's foreign key waits for the delete.
      batch = one.presence.connectMany([item(cleo, 'after-release', undefined, 'gw-released')]);
      await blockedOnALock();
    });
    expect(shown(await (batch as NonNullable<typeof batch>))).toEqual([undefined]);
    expect(await store.db.knex('presence_connections').where({ socket_id: 'after-release' }).pluck('gateway_id')).toEqual(['gw-released']);
    expect((await store.db.knex('presence_gateways').where({ gateway_id: 'gw-released' }).first()).lease_expires_at.getTime()).toBeGreaterThan(Date.now());
  });
});
