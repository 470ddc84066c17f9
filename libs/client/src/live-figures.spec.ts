import type { LiveFigures } from '@parley/contracts';
import { applyRoster, applyWorkload, longestWaitSeconds } from './live-figures';

const now = new Date('2026-12-01T10:00:00Z');
const start: LiveFigures = {
  at: now.toISOString(),
  queue: { waiting: 0, oldest_waiting_since: null, longest_wait_seconds: 0 },
  agents_online: 1,
  agents_available: 1,
  agents: [{ agent_id: 'a', agent_name: 'Ana', online: true, availability: 'available', active_chats: 1 }],
};

describe('the live figures a supervisor watches', () => {
  it('takes the queue and the loads from a workload, agents it does not know as offline', () => {
    const next = applyWorkload(start, { version: 2, waiting: 3, oldest_waiting_since: '2026-12-01T09:58:00Z', agents: [{ agent_id: 'b', agent_name: 'Bo', active_chats: 2 }] }, now);
    expect(next.queue).toEqual({ waiting: 3, oldest_waiting_since: '2026-12-01T09:58:00Z', longest_wait_seconds: 120 });
    expect(next.agents.map((a) => [a.agent_name, a.online, a.active_chats])).toEqual([['Ana', true, 0], ['Bo', false, 2]]);
    expect([next.agents_online, next.agents_available]).toEqual([1, 1]);
    expect(longestWaitSeconds(next, new Date('2026-12-01T10:01:00Z'))).toBe(180);
  });

  it("takes every agent's state from a roster and keeps their loads", () => {
    const next = applyRoster(start, { agents: [
      { agent_id: 'a', agent_name: 'Ana', online: true, availability: 'away', offline_since: null },
      { agent_id: 'c', agent_name: 'Cy', online: true, availability: 'available', offline_since: null },
    ] }, now);
    expect(next.agents.map((a) => [a.agent_name, a.availability, a.active_chats])).toEqual([['Ana', 'away', 1], ['Cy', 'available', 0]]);
    expect([next.agents_online, next.agents_available]).toEqual([2, 1]);
  });

  it('keeps an agent with chats whom the roster leaves out, as offline', () => {
    const next = applyRoster(start, { agents: [] }, now);
    expect(next.agents).toEqual([expect.objectContaining({ agent_id: 'a', online: false, active_chats: 1 })]);
    expect(next.agents_online).toBe(0);
  });
});
