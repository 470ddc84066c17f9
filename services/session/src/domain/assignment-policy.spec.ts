import { pickAgent, type Candidate } from './assignment-policy';

const agent = (agent_id: string, active = 0, last_assigned_at = 0, capacity = 3): Candidate => ({ agent_id, agent_name: agent_id, active, capacity, last_assigned_at });

/** Hands out `chats` one after the other, as the assigner does, and answers how many each agent got. */
function handOut(strategy: 'round_robin' | 'least_loaded', agents: Candidate[], chats: number): Record<string, number> {
  const got: Record<string, number> = Object.fromEntries(agents.map((a) => [a.agent_id, 0]));
  for (let i = 1; i <= chats; i += 1) {
    const picked = pickAgent(strategy, agents);
    if (!picked) break;
    picked.active += 1;
    picked.last_assigned_at = i;
    got[picked.agent_id] += 1;
  }
  return got;
}

describe('who gets the next chat', () => {
  it('round robin goes in turn: whoever has waited longest since their last chat', () => {
    expect(pickAgent('round_robin', [agent('ana', 0, 300), agent('bo', 2, 100), agent('cy', 0, 200)])?.agent_id).toBe('bo');
    expect(pickAgent('round_robin', [agent('ana', 0, 300), agent('bo', 0, 0)])?.agent_id).toBe('bo');
  });

  it('least loaded goes to the fewest active chats, then to whoever waited longest', () => {
    expect(pickAgent('least_loaded', [agent('ana', 2, 0), agent('bo', 1, 500), agent('cy', 1, 100)])?.agent_id).toBe('cy');
  });

  it('never gives an agent more than their capacity, and answers null when nobody has room', () => {
    expect(pickAgent('least_loaded', [agent('ana', 3, 0), agent('bo', 2, 900)])?.agent_id).toBe('bo');
    expect(pickAgent('round_robin', [agent('ana', 3, 0, 3), agent('bo', 1, 0, 1)])).toBeNull();
    expect(pickAgent('least_loaded', [])).toBeNull();
  });

  it.each(['round_robin', 'least_loaded'] as const)('%s shares 100 chats among 7 agents within one of each other, capacities permitting', (strategy) => {
    const agents = Array.from({ length: 7 }, (_, i) => agent(`agent-${i}`, 0, 0, 20));
    const got = Object.values(handOut(strategy, agents, 100));
    expect(got.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...got) - Math.min(...got)).toBeLessThanOrEqual(1);
  });

  it('stops at the total capacity: the rest wait in the queue', () => {
    const agents = [agent('ana', 0, 0, 2), agent('bo', 1, 0, 3), agent('cy', 0, 0, 1)];
    const got = handOut('least_loaded', agents, 10);
    expect(got).toEqual({ ana: 2, bo: 2, cy: 1 });
    expect(agents.every((a) => a.active <= a.capacity)).toBe(true);
  });

  it('offers a chat to others before the agent who let it go unanswered, and to them when nobody else has room', () => {
    const avoid = new Set(['ana']);
    expect(pickAgent('least_loaded', [agent('ana', 0), agent('bo', 2)], avoid)?.agent_id).toBe('bo');
    expect(pickAgent('least_loaded', [agent('ana', 0), agent('bo', 3)], avoid)?.agent_id).toBe('ana');
  });
});
