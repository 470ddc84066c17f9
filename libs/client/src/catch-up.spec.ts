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

describe('catch-up page size', () => {
  it('is the largest page the server answers', () => {
    expect(CATCH_UP_PAGE_SIZE).toBe(LIMITS.historyMaxLimit);
  });
});
