import type { AgentState, RequeueReason } from '@parley/contracts';
import type { ActiveAssignment } from './assignment.ports';

export interface UnansweredRules {
  /** An agent offline this long (ms) loses their active chats; 0: never. */
  offlineGraceMs: number;
  /** An agent who has not written this long (ms) after getting a chat loses it; 0: never. */
  replyTimeoutMs: number;
}

export interface Verdict {
  assignment: ActiveAssignment;
  reason: RequeueReason;
}

/**
 * Which active chats go back to the queue because their agent is offline past the grace period
 * (an agent presence never saw counts as offline since they got the chat), and which must be
 * checked for an answer because the reply time is up.
 */
export function judgeAssignments(
  assignments: ActiveAssignment[],
  agents: AgentState[],
  rules: UnansweredRules,
  now: number,
): { offline: Verdict[]; overdue: ActiveAssignment[] } {
  const byId = new Map(agents.map((a) => [a.agent_id, a]));
  const offline: Verdict[] = [];
  const overdue: ActiveAssignment[] = [];
  for (const assignment of assignments) {
    const since = Date.parse(assignment.since);
    const agent = byId.get(assignment.agent_id);
    if (rules.offlineGraceMs > 0 && !agent?.online) {
      const gone = Math.max(since, agent?.offline_since ? Date.parse(agent.offline_since) : since);
      if (now - gone >= rules.offlineGraceMs) {
        offline.push({ assignment, reason: 'agent_offline' });
        continue;
      }
    }
    if (rules.replyTimeoutMs > 0 && now - since >= rules.replyTimeoutMs) overdue.push(assignment);
  }
  return { offline, overdue };
}
