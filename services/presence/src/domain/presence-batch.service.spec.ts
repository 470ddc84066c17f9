import type { Outcome } from '@parley/batching';
import type { Identity } from '@parley/contracts';
import type { AppError } from '@parley/errors';
import { FakePresenceRepository } from '../testing/fake-presence.repository';
import { FakeSessionDirectory } from '@parley/testing';
import { gateway, ManualClock, user } from '../testing/identities';
import { createPresenceService } from './presence.service';
import { MAX_REGISTRATIONS_PER_TRANSACTION } from './registration.batch';

const TIMINGS = { leaseTtlMs: 20_000, typingTtlMs: 10_000, typingThrottleMs: 3000 };

/** Each outcome as a test reads it: the value, or the error's code. */
const shown = <T>(outcomes: Outcome<T>[]) => outcomes.map((o) => (o.ok ? o.value : { code: (o.error as AppError).code }));

describe('presence service, registrations in batches', () => {
  let repo: FakePresenceRepository;
  let sessions: FakeSessionDirectory;
  let clock: ManualClock;
  let presence: ReturnType<typeof createPresenceService>;
  const cleo = user('customer', 'Cleo');
  const rita = user('restaurant', 'Rita');
  const ana = user('support', 'Ana');
  let chat: string;
  const item = (identity: Identity, socket: string, sessionId?: string, gw = 'gw-a') => ({
    identity,
    input: { gateway_id: gw, socket_id: socket, ...(sessionId ? { session_id: sessionId } : {}) },
  });
  const asParticipant = (identity: Identity) => ({ user_id: identity.userId, role: identity.role, name: identity.name });
  const socketsIn = (sessionId: string) => repo.memberships.filter((m) => m.session_id === sessionId).map((m) => m.socket_id);

  beforeEach(() => {
    repo = new FakePresenceRepository();
    sessions = new FakeSessionDirectory();
    clock = new ManualClock();
    presence = createPresenceService({ presence: repo, sessions, timings: TIMINGS, now: clock.now });
    chat = sessions.open(cleo).id;
  });

  it('registers a batch in one transaction, answers each join with its session, and announces each user once per session', async () => {
    const ritasChat = sessions.open(rita).id;
    const outcomes = await presence.joinMany([
      item(cleo, 'c1', chat),
      item(ana, 'a1', chat, 'gw-b'),
      item(rita, 'r1', ritasChat),
      item(ana, 'a2', chat), // the agent's second tab: no second announcement
      item(ana, 'a1', ritasChat, 'gw-b'),
    ]);
    expect(shown(outcomes)).toEqual([
      [asParticipant(cleo), asParticipant(ana)],
      [asParticipant(cleo), asParticipant(ana)],
      [asParticipant(rita), asParticipant(ana)],
      [asParticipant(cleo), asParticipant(ana)],
      [asParticipant(rita), asParticipant(ana)],
    ]);
    expect(repo.lockedUsers).toEqual([[cleo.userId, rita.userId, ana.userId].sort()]);
    expect(repo.data('user.joined')).toEqual([
      { session_id: chat, user: asParticipant(cleo) },
      { session_id: chat, user: asParticipant(ana) },
      { session_id: ritasChat, user: asParticipant(rita) },
      { session_id: ritasChat, user: asParticipant(ana) },
    ]);
    // Both gateways got a lease with their first socket; the agent is online.
    expect([...repo.gateways.keys()].sort()).toEqual(['gw-a', 'gw-b']);
    expect(repo.agents.get(ana.userId)).toEqual(expect.objectContaining({ offline_since: null }));
    // The same user and session asked about once, however many sockets join it.
    expect(sessions.timesAsked(ana, chat)).toBe(1);
  });

  it('fails a bad item alone and writes nothing for it', async () => {
    await presence.connect(ana, { gateway_id: 'gw-a', socket_id: 'a1' });
    const stranger = user('customer', 'Sam');
    const outcomes = await presence.joinMany([
      item(cleo, 'c1', chat),
      item(cleo, 'a1', chat), // the agent's socket
      item(stranger, 's1', chat), // a session the caller may not see
      item(cleo, 'c2', 'not-a-uuid'),
      item(cleo, 'no spaces', chat),
      item(gateway(), 'g1', chat),
      { identity: cleo, input: null },
      item(cleo, 'c3', chat),
    ]);
    expect(shown(outcomes)).toEqual([
      [asParticipant(cleo)],
      { code: 'PERMISSION_DENIED' },
      { code: 'PERMISSION_DENIED' },
      { code: 'INVALID_ARGUMENT' },
      { code: 'INVALID_ARGUMENT' },
      { code: 'PERMISSION_DENIED' },
      { code: 'INVALID_ARGUMENT' },
      [asParticipant(cleo)],
    ]);
    expect(socketsIn(chat)).toEqual(['c1', 'c3']);
    expect([...repo.connections.keys()].sort()).toEqual(['a1', 'c1', 'c3']);
    expect(repo.connections.get('a1')?.user_id).toBe(ana.userId);
    expect(repo.data('user.joined')).toEqual([{ session_id: chat, user: asParticipant(cleo) }]);
  });

  it('shares one transaction between calls that arrive together, each answered on its own', async () => {
    const ritasChat = sessions.open(rita).id;
    const [first, second] = await Promise.all([presence.joinMany([item(cleo, 'c1', chat)]), presence.joinMany([item(rita, 'r1', ritasChat), item(cleo, 'c1', ritasChat)])]);
    expect(shown(first)).toEqual([[asParticipant(cleo)]]);
    expect(shown(second)).toEqual([[asParticipant(rita)], { code: 'PERMISSION_DENIED' }]); // not Cleo's chat
    expect(repo.lockedUsers).toEqual([[cleo.userId, rita.userId].sort()]);
  });

  it("ends a socket's join and leave in one batch as the socket sent them, announcing only what changed", async () => {
    // Joined and left at once: never announced.
    const [joined, left] = await Promise.all([presence.joinMany([item(cleo, 'c1', chat)]), presence.leaveMany([item(cleo, 'c1', chat)])]);
    expect(repo.lockedUsers).toHaveLength(1);
    expect(shown(joined)).toEqual([[]]);
    expect(shown(left)).toEqual([undefined]);
    expect(socketsIn(chat)).toEqual([]);
    expect(repo.events).toEqual([]);
    // In the session; left and joined again at once: still in, nothing announced.
    await presence.join(cleo, { gateway_id: 'gw-a', socket_id: 'c1', session_id: chat });
    await Promise.all([presence.leaveMany([item(cleo, 'c1', chat)]), presence.joinMany([item(cleo, 'c1', chat)])]);
    expect(socketsIn(chat)).toEqual(['c1']);
    expect(repo.data('user.joined')).toHaveLength(1);
    expect(repo.data('user.left')).toEqual([]);
  });

  it('takes a join and a disconnect of one socket in one batch in the order sent', async () => {
    const other = sessions.open(cleo).id;
    await presence.join(cleo, { gateway_id: 'gw-a', socket_id: 'c1', session_id: chat });
    // Gone, then back in another session.
    await Promise.all([presence.disconnectMany([item(cleo, 'c1')]), presence.joinMany([item(cleo, 'c1', other)])]);
    expect(repo.memberships.map((m) => [m.socket_id, m.session_id])).toEqual([['c1', other]]);
    expect(repo.data('user.left')).toEqual([{ session_id: chat, user_id: cleo.userId, role: 'customer' }]);
    expect(repo.data('user.joined').map((d) => d.session_id)).toEqual([chat, other]);
    // Joined, then gone: nothing left behind.
    await Promise.all([presence.joinMany([item(cleo, 'c2', chat)]), presence.disconnectMany([item(cleo, 'c2'), item(cleo, 'c1')])]);
    expect(repo.connections.size).toBe(0);
    expect(repo.memberships).toEqual([]);
    expect(repo.data('user.left').map((d) => d.session_id)).toEqual([chat, other]);
  });

  it("announces a user's leaving once when all their tabs go in one batch, and makes an agent offline with the last", async () => {
    await presence.joinMany([item(ana, 'a1', chat), item(ana, 'a2', chat, 'gw-b'), item(cleo, 'c1', chat)]);
    expect(await presence.disconnectMany([item(ana, 'a1'), item(ana, 'never-registered')])).toEqual([{ ok: true, value: undefined }, { ok: true, value: undefined }]);
    expect(repo.data('user.left')).toEqual([]);
    expect(repo.agents.get(ana.userId)?.offline_since).toBeNull();
    await presence.disconnectMany([item(ana, 'a2', undefined, 'gw-b'), item(cleo, 'c1')]);
    expect(repo.data('user.left')).toEqual([
      { session_id: chat, user_id: ana.userId, role: 'support' },
      { session_id: chat, user_id: cleo.userId, role: 'customer' },
    ]);
    expect(repo.agents.get(ana.userId)?.offline_since).toEqual(expect.any(Date));
  });

  it('gives a gateway whose lease ran out a new one with its next socket, and leaves a live one alone', async () => {
    await presence.connectMany([item(ana, 'a1')]);
    const granted = repo.gateways.get('gw-a');
    clock.advance(5000);
    await presence.connectMany([item(cleo, 'c1'), item(rita, 'r1', undefined, 'gw-b')]);
    expect(repo.gateways.get('gw-a')).toEqual(granted);
    expect(repo.gateways.get('gw-b')).toEqual(new Date(clock.now().getTime() + TIMINGS.leaseTtlMs));
    clock.advance(20_000);
    await presence.connectMany([item(cleo, 'c2')]);
    expect(repo.gateways.get('gw-a')).toEqual(new Date(clock.now().getTime() + TIMINGS.leaseTtlMs));
  });

  it('spreads a call past the bound of a transaction over consecutive ones, in order', async () => {
    const crowd = Array.from({ length: MAX_REGISTRATIONS_PER_TRANSACTION + 1 }, (_, i) => user('customer', `crowd-${i}`));
    const outcomes = await presence.connectMany(crowd.map((u, i) => item(u, `crowd-${i}`)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(repo.lockedUsers.map((users) => users.length)).toEqual([MAX_REGISTRATIONS_PER_TRANSACTION, 1]);
    expect(repo.connections.size).toBe(crowd.length);
    // Cleo's join is the last of the first transaction, her leave in the next: she ends out.
    const padding = crowd.slice(0, MAX_REGISTRATIONS_PER_TRANSACTION - 1).map((u, i) => item(u, `crowd-${i}`, chat));
    for (const u of crowd) sessions.allow(u, chat);
    const [joined, left] = await Promise.all([presence.joinMany([...padding, item(cleo, 'c1', chat)]), presence.leaveMany([item(cleo, 'c1', chat)])]);
    expect(joined.every((o) => o.ok) && left.every((o) => o.ok)).toBe(true);
    expect(repo.lockedUsers).toHaveLength(4);
    expect(socketsIn(chat)).not.toContain('c1');
  });
});
