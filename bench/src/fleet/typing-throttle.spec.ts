import { TypingThrottle } from './typing-throttle';

describe('TypingThrottle', () => {
  it('sends typing before a message only when the sender sent none in that session for 2 s', () => {
    const typing = new TypingThrottle();
    const at = [0, 300, 1999, 2000, 2500, 3999, 4000];
    expect(at.map((t) => typing.beforeMessage('alice', 's1', t))).toEqual([true, false, false, true, false, false, true]);
  });

  it('throttles each sender in each session on its own', () => {
    const typing = new TypingThrottle();
    expect([typing.beforeMessage('alice', 's1', 0), typing.beforeMessage('bob', 's1', 10), typing.beforeMessage('alice', 's2', 20), typing.beforeMessage('alice', 's1', 30)]).toEqual([true, true, true, false]);
  });

  it('sends one typing per message when messages are 2 s apart or more, and one per 2 s when they are closer', () => {
    const typing = new TypingThrottle();
    const count = (gapMs: number, messages: number) => Array.from({ length: messages }, (_, i) => typing.beforeMessage(`s${gapMs}`, 'x', i * gapMs)).filter(Boolean).length;
    expect(count(2500, 10)).toBe(10);
    expect(count(100, 100)).toBe(5); // 10 s of messages every 100 ms
  });
});
