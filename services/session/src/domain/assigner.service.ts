import { LRUCache } from 'lru-cache';
import { SYSTEM_IDENTITY, type AgentState, type ChatSession, type RequeueReason } from '@parley/contracts';
import { pickAgent, type AssignStrategy, type Candidate } from './assignment-policy';
import type { ActiveAssignment, AgentDirectory, AnswerLedger, AssignmentRepository } from './assignment.ports';
import { sessionAccepted, sessionRequeued } from './session-events';
import type { SessionRepository } from './session.ports';
import { judgeAssignments, type UnansweredRules } from './unanswered-chats';

export interface AssignerSettings extends UnansweredRules {
  strategy: AssignStrategy;
  /** The most active chats an agent is given at once. */
  maxChatsPerAgent: number;
  /** How many waiting chats one pass looks at. */
  batchSize: number;
}

export interface AssignerDeps {
  sessions: SessionRepository;
  assignments: AssignmentRepository;
  agents: AgentDirectory;
  answers: AnswerLedger;
  settings: AssignerSettings;
  now?: () => number;
}

export interface PassResult {
  assigned: Array<{ session_id: string; agent_id: string }>;
  requeued: Array<{ session_id: string; agent_id: string; reason: RequeueReason }>;
}

/**
 * One pass looks at the whole picture and acts on it: chats whose agent left them unanswered go
 * back to the queue, then waiting chats go to online, available agents with room, most urgent and
 * longest waiting first. Every write is the same guarded update a person's accept is, so a pass
 * racing an agent (or another instance) never takes a chat twice; the lock keeps capacities exact
 * across instances.
 */
export function createAssigner({ sessions, assignments, agents, answers, settings, now = Date.now }: AssignerDeps) {
  // Both memories are bounded: forgetting an old entry costs at most one more question or one fairer pick.
  /** Chats each agent let go unanswered: offered to others first when they come round again. */
  const declined = new LRUCache<string, Set<string>>({ max: 10_000 });
  /** Answered assignments, by session and since when, so they are not asked about again. */
  const answered = new LRUCache<string, true>({ max: 50_000 });
  const answerKey = (a: ActiveAssignment) => `${a.session_id}@${a.since}`;

  async function requeue(assignment: ActiveAssignment, reason: RequeueReason): Promise<boolean> {
    const from = { id: assignment.agent_id, name: assignment.agent_name };
    const changed = await sessions.change(
      assignment.session_id,
      { expect: { status: 'active', agentId: from.id }, set: { status: 'waiting', agent_id: null, agent_name: null }, clear: 'accepted_at' },
      (updated, queue) => sessionRequeued(updated, from, reason, SYSTEM_IDENTITY, queue),
    );
    if (!changed) return false;
    declined.set(assignment.session_id, (declined.get(assignment.session_id) ?? new Set()).add(from.id));
    return true;
  }

  async function requeueUnanswered(states: AgentState[], result: PassResult): Promise<void> {
    if (settings.offlineGraceMs === 0 && settings.replyTimeoutMs === 0) return;
    const { offline, overdue } = judgeAssignments(await assignments.activeAssignments(), states, settings, now());
    const unchecked = overdue.filter((a) => !answered.has(answerKey(a)));
    const answeredIds = new Set(unchecked.length > 0 ? await answers.answered(unchecked.map((a) => ({ session_id: a.session_id, agent_id: a.agent_id, since: a.since }))) : []);
    unchecked.filter((a) => answeredIds.has(a.session_id)).forEach((a) => answered.set(answerKey(a), true));
    const verdicts = [...offline, ...unchecked.filter((a) => !answeredIds.has(a.session_id)).map((assignment) => ({ assignment, reason: 'no_reply' as const }))];
    for (const { assignment, reason } of verdicts) {
      if (await requeue(assignment, reason)) result.requeued.push({ session_id: assignment.session_id, agent_id: assignment.agent_id, reason });
    }
  }

  async function assignWaiting(states: AgentState[], result: PassResult): Promise<void> {
    const strategy = settings.strategy;
    if (strategy === 'off') return;
    const ready = states.filter((a) => a.online && a.availability === 'available');
    if (ready.length === 0) return;
    const loads = await assignments.loads(ready.map((a) => a.agent_id));
    const candidates: Candidate[] = ready.map((a) => ({
      agent_id: a.agent_id,
      agent_name: a.agent_name,
      capacity: settings.maxChatsPerAgent,
      active: loads.get(a.agent_id)?.active ?? 0,
      last_assigned_at: loads.get(a.agent_id)?.last_assigned_at ?? 0,
    }));
    const waiting = await sessions.list({ status: 'waiting', limit: settings.batchSize, offset: 0 });
    for (const session of waiting) {
      const agent = pickAgent(strategy, candidates, declined.get(session.id));
      if (!agent) return;
      if (await give(session, agent)) {
        agent.active += 1;
        // Later than every other turn, even within one millisecond: the next turn is someone else's.
        agent.last_assigned_at = Math.max(now(), ...candidates.map((c) => c.last_assigned_at + 1));
        result.assigned.push({ session_id: session.id, agent_id: agent.agent_id });
      }
    }
  }

  async function give(session: ChatSession, agent: Candidate): Promise<boolean> {
    const changed = await sessions.change(
      session.id,
      { expect: { status: 'waiting' }, set: { status: 'active', agent_id: agent.agent_id, agent_name: agent.agent_name }, stamp: 'accepted_at' },
      (updated, queue) => sessionAccepted(updated, SYSTEM_IDENTITY, queue),
    );
    return changed !== null;
  }

  return {
    /** One pass; null when another instance is running one right now. */
    async runPass(): Promise<PassResult | null> {
      return assignments.exclusively(async () => {
        const result: PassResult = { assigned: [], requeued: [] };
        const states = await agents.agentStates();
        await requeueUnanswered(states, result);
        await assignWaiting(states, result);
        return result;
      });
    },
  };
}

export type Assigner = ReturnType<typeof createAssigner>;
