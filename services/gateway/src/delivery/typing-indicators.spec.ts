import { createEvent, routingKeys, type EventEnvelope } from '@parley/contracts';
import { TypingIndicators } from './typing-indicators';

const started = (sessionId: string, userId: string) =>
  createEvent('typing.started', routingKeys.session(sessionId, 'typing.started'), { session_id: sessionId, user_id: userId, user_name: userId.toUpperCase() });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TypingIndicators', () => {
  let shown: string[];
  let indicators: TypingIndicators;
  beforeEach(() => {
    shown = [];
    indicators = new TypingIndicators({ ttlMs: 150, show: (e: EventEnvelope) => shown.push(`${e.type} ${(e.data as { session_id: string; user_id: string }).session_id}/${(e.data as { user_id: string }).user_id}`) });
  });

  it('shows a typist once and renews without showing again', async () => {
    indicators.started(started('s1', 'ana'));
    await sleep(100);
    indicators.started(started('s1', 'ana'));
    await sleep(100);
    expect(shown).toEqual(['typing.started s1/ana']);
    await sleep(120);
    expect(shown).toEqual(['typing.started s1/ana', 'typing.stopped s1/ana']);
    expect(indicators.size).toBe(0);
  });

  it('stops only what shows, once', () => {
    indicators.stop('s1', 'nobody');
    indicators.started(started('s1', 'ana'));
    indicators.stop('s1', 'ana');
    indicators.stop('s1', 'ana');
    expect(shown).toEqual(['typing.started s1/ana', 'typing.stopped s1/ana']);
  });

  it('forgets the indicators of a session that left this gateway, telling nobody', async () => {
    indicators.started(started('s1', 'ana'));
    indicators.started(started('s2', 'cleo'));
    indicators.closeSession('s1');
    await sleep(200);
    expect(shown).toEqual(['typing.started s1/ana', 'typing.started s2/cleo', 'typing.stopped s2/cleo']);
  });
});
