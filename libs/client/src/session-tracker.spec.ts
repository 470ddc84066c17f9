import type { ChatMessage } from '@parley/contracts';
import { SessionTracker } from './session-tracker';

const msg = (id: string, seq: number, session_id = 's1') => ({ id, seq, session_id }) as ChatMessage;

describe('SessionTracker', () => {
  it('lets each message of a joined session through once and remembers the highest seq', () => {
    const tracker = new SessionTracker();
    tracker.track('s1');
    expect([msg('a', 1), msg('b', 2), msg('a', 1), msg('c', 3)].map((m) => tracker.accept(m))).toEqual([true, true, false, true]);
    expect(tracker.lastSeq('s1')).toBe(3);
  });

  it('ignores sessions it does not track, and forgets one left', () => {
    const tracker = new SessionTracker();
    expect(tracker.accept(msg('a', 1, 'other'))).toBe(false);
    tracker.track('s1');
    tracker.forget('s1');
    expect(tracker.joined()).toEqual([]);
  });
});
