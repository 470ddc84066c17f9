import { LIMITS, type ChatMessage, type SessionJoinedEvent } from '@parley/contracts';
import { CATCH_UP_PAGE_SIZE, CatchUp } from './catch-up';
import { ParleyError } from './parley-error';
import { SessionTracker } from './session-tracker';

const msg = (seq: number): ChatMessage => ({ id: `m${seq}`, seq, session_id: 's1' }) as ChatMessage;
const seqs = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));

function setUp(stored: ChatMessage[], joinLimit: number, failPages = 0) {
  const tracker = new SessionTracker();
  tracker.track('s1');
  tracker.accept(msg(1));
  const shown: number[] = [];
  const gaps: ParleyError[] = [];
  let pageCalls = 0;
  const catchUp: CatchUp = new CatchUp({
    tracker,
    rejoin: async (_id, lastSeq) => {
      const missed = stored.filter((m) => m.seq > lastSeq);
      // A live message arrives while the join is answered: it must wait for the catch-up.
      catchUp.hold(msg(stored.length + 1));
      return { messages: missed.slice(0, joinLimit), has_more: missed.length > joinLimit, last_seq: stored.length } as SessionJoinedEvent;
    },
    page: async (_id, afterSeq, limit) => {
      if (pageCalls++ < failPages) throw new ParleyError('UNAVAILABLE', 'gateway restarting');
      return [...stored, msg(stored.length + 1)].filter((m) => m.seq > afterSeq).slice(0, limit);
    },
    deliver: (m) => tracker.accept(m) && shown.push(m.seq),
    gap: (error) => gaps.push(error),
    retryDelayMs: 1,
    maxAttempts: 3,
  });
  return { catchUp, shown, gaps };
}

describe('CatchUp', () => {
  it('delivers what the join answers, then the live messages that waited, each once and in order', async () => {
    const { catchUp, shown, gaps } = setUp(seqs(1, 5), 1000);
    await catchUp.run('s1');
    expect(shown).toEqual([2, 3, 4, 5, 6]);
    expect(gaps).toEqual([]);
    expect(catchUp.hold(msg(7))).toBe(false);
  });

  it('pages the rest over REST when the join says has_more, so nothing between is skipped', async () => {
    const { catchUp, shown, gaps } = setUp(seqs(1, 450), 100, 1);
    await catchUp.run('s1');
    expect(shown).toEqual(seqs(2, 451).map((m) => m.seq));
    expect(gaps).toEqual([]);
  });

  it('reports a gap it cannot fill instead of skipping it', async () => {
    const { catchUp, shown, gaps } = setUp(seqs(1, 450), 100, 10);
    await catchUp.run('s1');
    expect(gaps).toEqual([expect.objectContaining({ code: 'CATCH_UP_INCOMPLETE', message: expect.stringContaining('after seq 101') })]);
    expect(shown.slice(0, 100)).toEqual(seqs(2, 101).map((m) => m.seq));
  });
});

describe('CatchUp when the server is busy (a reconnect storm)', () => {
  const busy = (retryAfterMs: number) => new ParleyError('RESOURCE_EXHAUSTED', 'The presence service is busy registering sockets; try again shortly', 'join_session', retryAfterMs);

  function busyServer(refusals: number, ports: { maxBusyRefusals?: number } = {}) {
    const tracker = new SessionTracker();
    tracker.track('s1');
    tracker.accept(msg(1));
    const shown: number[] = [];
    const gaps: ParleyError[] = [];
    const joinsAt: number[] = [];
    const catchUp = new CatchUp({
      tracker,
      rejoin: async (_id, lastSeq) => {
        joinsAt.push(Date.now());
        if (joinsAt.length <= refusals) throw busy(20);
        return { messages: seqs(lastSeq + 1, 4), has_more: false, last_seq: 4 } as SessionJoinedEvent;
      },
      page: async () => [],
      deliver: (m) => tracker.accept(m) && shown.push(m.seq),
      gap: (error) => gaps.push(error),
      retryDelayMs: 1,
      maxAttempts: 2,
      random: () => 0,
      ...ports,
    });
    return { catchUp, shown, gaps, joinsAt };
  }

  it('waits out each refusal as the server asks, however many more than its tries, and then catches up', async () => {
    const { catchUp, shown, gaps, joinsAt } = busyServer(3);
    await catchUp.run('s1');
    expect(shown).toEqual([2, 3, 4]);
    expect(gaps).toEqual([]);
    expect(joinsAt).toHaveLength(4);
    // retry_after_ms 20, doubled on each refusal in a row: 20, 40, 80 ms (timers may fire a little early).
    const pauses = joinsAt.slice(1).map((at, i) => at - joinsAt[i]);
    expect(pauses.map((p, i) => p >= [20, 40, 80][i] - 2)).toEqual([true, true, true]);
  });

  it('reports the gap once the refusals pass their bound, never skipping silently', async () => {
    const { catchUp, shown, gaps, joinsAt } = busyServer(100, { maxBusyRefusals: 3 });
    await catchUp.run('s1');
    expect(joinsAt).toHaveLength(3);
    expect(shown).toEqual([]);
    expect(gaps).toEqual([expect.objectContaining({ code: 'CATCH_UP_INCOMPLETE', message: expect.stringContaining('busy') })]);
  });

  it('stops waiting when a newer catch-up of the session (a reconnect meanwhile) has taken over', async () => {
    const { catchUp, shown, gaps, joinsAt } = busyServer(1);
    const first = catchUp.run('s1');
    const second = catchUp.run('s1');
    await Promise.all([first, second]);
    // The first was refused and, while it waited, the second joined: the first does not join again.
    expect(joinsAt).toHaveLength(2);
    expect(shown).toEqual([2, 3, 4]);
    expect(gaps).toEqual([]);
  });
});

describe('catch-up page size', () => {
  it('is the largest page the server answers', () => {
    expect(CATCH_UP_PAGE_SIZE).toBe(LIMITS.historyMaxLimit);
  });
});
