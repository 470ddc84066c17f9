/** How waiting chats are handed out: not at all, in turn, or to whoever has the fewest. */
export const ASSIGN_STRATEGIES = ['off', 'round_robin', 'least_loaded'] as const;
export type AssignStrategy = (typeof ASSIGN_STRATEGIES)[number];

/** An online, available support agent as the assigner weighs them. */
export interface Candidate {
  agent_id: string;
  agent_name: string;
  /** Active chats the agent has now. */
  active: number;
  /** The most active chats the agent takes at once. */
  capacity: number;
  /** When the agent last got a chat (ms since the epoch); 0 when never. */
  last_assigned_at: number;
}

const byTurn = (a: Candidate, b: Candidate) => a.last_assigned_at - b.last_assigned_at || a.agent_id.localeCompare(b.agent_id);
const byLoad = (a: Candidate, b: Candidate) => a.active - b.active || byTurn(a, b);

/**
 * The agent the next chat goes to, or null when nobody has room. Round robin: whoever has waited
 * longest since their last chat. Least loaded: whoever has the fewest active chats, then whoever
 * has waited longest. Agents in `avoid` (they let this chat go unanswered) come last.
 */
export function pickAgent(strategy: Exclude<AssignStrategy, 'off'>, candidates: Candidate[], avoid: ReadonlySet<string> = new Set()): Candidate | null {
  const withRoom = candidates.filter((c) => c.active < c.capacity);
  if (withRoom.length === 0) return null;
  const order = strategy === 'round_robin' ? byTurn : byLoad;
  const preferred = withRoom.filter((c) => !avoid.has(c.agent_id));
  return [...(preferred.length > 0 ? preferred : withRoom)].sort(order)[0];
}
