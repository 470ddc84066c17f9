import { AppError } from '@parley/errors';
import { FakePresenceRepository } from '../testing/fake-presence.repository';
import { FakeSessionDirectory } from '../testing/fake-session.directory';
import { ManualClock, user } from '../testing/identities';
import { createPresenceService } from './presence.service';
import { createTypingService } from './typing.service';

const TIMINGS = { leaseTtlMs: 20_000, typingTtlMs: 10_000, typingThrottleMs: 3000 };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as AppError).code;
  }
  throw new Error('did not fail');
}

describe('typing service', () => {
  let repo: FakePresenceRepository;
  let clock: ManualClock;
  let typing: ReturnType<typeof createTypingService>;
  let presence: ReturnType<typeof createPresenceService>;
  const customer = user('customer', 'Cleo');
  const agent = user('support', 'Ana');
  let sessionId: string;
  const at = (socket: string) => ({ gateway_id: 'gw-a', socket_id: socket, session_id: sessionId });

  beforeEach(async () => {
    repo = new FakePresenceRepository();
    const sessions = new FakeSessionDirectory();
    clock = new ManualClock();
    presence = createPresenceService({ presence: repo, sessions, timings: TIMINGS, now: clock.now });
    typing = createTypingService({ presence: repo, timings: TIMINGS, now: clock.now });
    sessionId = sessions.open(customer).id;
    await presence.join(customer, at('c1'));
    await presence.join(agent, at('a1'));
    repo.events.length = 0;
  });

  it('announces a burst once and stores it at most once per throttle window', async () => {
    for (let i = 0; i < 10; i += 1) {
      await typing.typing(agent, at('a1'));
      clock.advance(500); // 10 events over 5 s
    }
    expect(repo.data('typing.started')).toEqual([{ session_id: sessionId, user_id: agent.userId, user_name: 'Ana' }]);
    expect(repo.typingWrites).toBe(2); // at 0 s and at 3 s
    expect(repo.typing.get(`${sessionId}/${agent.userId}`)?.expires_at).toEqual(new Date(clock.now().getTime() - 2000 + 10_000));
  });

  it('stops on stop_typing, once', async () => {
    await typing.typing(agent, at('a1'));
    await typing.stopTyping(agent, at('a1'));
    await typing.stopTyping(agent, at('a1'));
    expect(repo.data('typing.stopped')).toEqual([{ session_id: sessionId, user_id: agent.userId }]);
  });

  it('sweeps expired indicators into typing_stopped and starts anew after one expired', async () => {
    await typing.typing(agent, at('a1'));
    await typing.typing(customer, at('c1'));
    clock.advance(9000);
    await typing.typing(customer, at('c1')); // refreshed: lives until 19 s
    clock.advance(2000);
    expect(await typing.sweepExpired()).toBe(1);
    expect(repo.data('typing.stopped')).toEqual([{ session_id: sessionId, user_id: agent.userId }]);
    await typing.typing(agent, at('a1'));
    expect(repo.data('typing.started').map((e) => e.user_id)).toEqual([agent.userId, customer.userId, agent.userId]);
  });

  it('stops the indicator of a typist whose last socket goes', async () => {
    await typing.typing(agent, at('a1'));
    await presence.disconnect(agent, { gateway_id: 'gw-a', socket_id: 'a1' });
    expect(repo.data('typing.stopped')).toEqual([{ session_id: sessionId, user_id: agent.userId }]);
    expect(repo.typing.size).toBe(0);
  });

  it('lets only participants type, and refuses bad input, changing nothing', async () => {
    const stranger = user('customer', 'Sam');
    await presence.connect(stranger, { gateway_id: 'gw-a', socket_id: 's1' });
    const cases: Array<[string, Promise<unknown>, string]> = [
      ['a socket that did not join', typing.typing(stranger, at('s1')), 'PERMISSION_DENIED'],
      ["another's socket", typing.typing(customer, at('a1')), 'PERMISSION_DENIED'],
      ['an unknown socket', typing.typing(customer, at('zz')), 'PERMISSION_DENIED'],
      ['a bad session id', typing.typing(agent, { ...at('a1'), session_id: 'nope' }), 'INVALID_ARGUMENT'],
      ['no socket id', typing.stopTyping(agent, { gateway_id: 'gw-a', session_id: sessionId }), 'INVALID_ARGUMENT'],
      ['stop_typing by a non-participant', typing.stopTyping(stranger, at('s1')), 'PERMISSION_DENIED'],
    ];
    for (const [label, call, code] of cases) expect({ label, code: await codeOf(call) }).toEqual({ label, code });
    expect(repo.typing.size).toBe(0);
    expect(repo.events).toEqual([]);
  });
});
