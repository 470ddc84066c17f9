import { createEvent, routingKeys } from '@parley/contracts';
import { AppError } from '@parley/errors';
import { FakePresenceRepository } from '../testing/fake-presence.repository';
import { FakeSessionDirectory } from '@parley/testing';
import { announcedTypists, FakeTypingRecord, FakeTypingSignals } from '../testing/fake-typing.record';
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
  let record: FakeTypingRecord;
  let signals: FakeTypingSignals;
  let clock: ManualClock;
  let typing: ReturnType<typeof createTypingService>;
  let presence: ReturnType<typeof createPresenceService>;
  const customer = user('customer', 'Cleo');
  const agent = user('support', 'Ana');
  let sessionId: string;
  const at = (socket: string) => ({ gateway_id: 'gw-a', socket_id: socket, session_id: sessionId });
  const announced = (type: string) => signals.announced.filter((e) => e.type === type).map((e) => e.data);

  beforeEach(async () => {
    repo = new FakePresenceRepository();
    record = new FakeTypingRecord();
    signals = new FakeTypingSignals();
    const sessions = new FakeSessionDirectory();
    clock = new ManualClock();
    presence = createPresenceService({ presence: repo, sessions, timings: TIMINGS, now: clock.now });
    typing = createTypingService({ presence: repo, record, signals, announced: announcedTypists(), timings: TIMINGS, now: clock.now });
    sessionId = sessions.open(customer).id;
    await presence.join(customer, at('c1'));
    await presence.join(agent, at('a1'));
    repo.events.length = 0;
  });

  describe('Typing and StopTyping (gateways of the previous version)', () => {
    it('announces a typist at most once per throttle window, as a signal, writing nothing', async () => {
      for (let i = 0; i < 10; i += 1) {
        await typing.typing(agent, at('a1'));
        clock.advance(500); // 10 events over 5 s
      }
      expect(announced('typing.started')).toEqual([
        { session_id: sessionId, user_id: agent.userId, user_name: 'Ana' },
        { session_id: sessionId, user_id: agent.userId, user_name: 'Ana' },
      ]);
      expect(record.batches).toEqual([]);
      expect(repo.events).toEqual([]);
    });

    it('announces a stop once, and only after a start', async () => {
      await typing.stopTyping(agent, at('a1'));
      await typing.typing(agent, at('a1'));
      await typing.stopTyping(agent, at('a1'));
      await typing.stopTyping(agent, at('a1'));
      expect(announced('typing.stopped')).toEqual([{ session_id: sessionId, user_id: agent.userId }]);
    });

    it('lets only participants type, and refuses bad input, announcing nothing', async () => {
      const stranger = user('customer', 'Sam');
      await presence.connect(stranger, { gateway_id: 'gw-a', socket_id: 's1' });
      const cases: Array<[string, Promise<unknown>, string]> = [
        ['a socket that did not join', typing.typing(stranger, at('s1')), 'PERMISSION_DENIED'],
        ["another's socket", typing.typing(customer, at('a1')), 'PERMISSION_DENIED'],
        ['an unknown socket', typing.typing(customer, at('zz')), 'PERMISSION_DENIED'],
        ['a bad session id', typing.typing(agent, { ...at('a1'), session_id: 'nope' }), 'INVALID_ARGUMENT'],
        ['no socket id', typing.stopTyping(agent, { gateway_id: 'gw-a', session_id: sessionId }), 'INVALID_ARGUMENT'],
        ['stop_typing by a non-participant', typing.stopTyping(stranger, at('s1')), 'PERMISSION_DENIED'],
        ['a service', typing.typing({ userId: 'svc', role: 'service', name: 'svc' }, at('a1')), 'PERMISSION_DENIED'],
      ];
      for (const [label, call, code] of cases) expect({ label, code: await codeOf(call) }).toEqual({ label, code });
      expect(signals.announced).toEqual([]);
    });
  });

  describe('the record (typing_indicators), written behind the signals', () => {
    const started = (userId: string, name: string, occurredAt: Date) => ({
      ...createEvent('typing.started', routingKeys.session(sessionId, 'typing.started'), { session_id: sessionId, user_id: userId, user_name: name }),
      occurred_at: occurredAt.toISOString(),
    });

    it('keeps an announced typist until the expiry counted from the announcement, and drops a stopped one', async () => {
      const announcedAt = clock.now();
      await typing.recordSignal(started(agent.userId, 'Ana', announcedAt));
      await typing.recordSignal(started(customer.userId, 'Cleo', announcedAt));
      expect(record.rows.get(`${sessionId}/${agent.userId}`)).toEqual({ user_name: 'Ana', expires_at: new Date(announcedAt.getTime() + 10_000) });
      await typing.recordSignal(createEvent('typing.stopped', routingKeys.session(sessionId, 'typing.stopped'), { session_id: sessionId, user_id: customer.userId }));
      expect([...record.rows.keys()]).toEqual([`${sessionId}/${agent.userId}`]);
    });

    it('sweeps expired indicators, announcing nothing (the gateways showing them expired them)', async () => {
      await typing.recordSignal(started(agent.userId, 'Ana', clock.now()));
      clock.advance(9000);
      expect(await typing.sweepExpired()).toBe(0);
      clock.advance(2000);
      expect(await typing.sweepExpired()).toBe(1);
      expect(record.rows.size).toBe(0);
      expect(signals.announced).toEqual([]);
    });

    it('ignores events that are not typing signals', async () => {
      await typing.recordSignal(createEvent('user.left', routingKeys.session(sessionId, 'user.left'), { session_id: sessionId, user_id: agent.userId, role: 'support' }));
      expect(record.batches).toEqual([]);
    });
  });
});
