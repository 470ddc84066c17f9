import type { AgentState } from '@parley/contracts';
import type { AgentDirectory, AgentLoad, AnswerLedger, AssignmentRepository } from '../domain/assignment.ports';
import type { FakeSessionRepository } from './fake-session.repository';

/** The assigner's reads over a FakeSessionRepository's sessions, and a lock a test can hold. */
export class FakeAssignmentRepository implements AssignmentRepository {
  locked = false;

  constructor(private readonly sessions: FakeSessionRepository) {}

  async exclusively<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.locked) return null;
    this.locked = true;
    try {
      return await work();
    } finally {
      this.locked = false;
    }
  }

  async loads(agentIds: string[]): Promise<Map<string, AgentLoad>> {
    const loads = new Map<string, AgentLoad>();
    for (const s of this.sessions.sessions) {
      if (!s.agent_id || !agentIds.includes(s.agent_id)) continue;
      const load = loads.get(s.agent_id) ?? { active: 0, last_assigned_at: 0 };
      if (s.status === 'active') load.active += 1;
      if (s.accepted_at) load.last_assigned_at = Math.max(load.last_assigned_at, Date.parse(s.accepted_at));
      loads.set(s.agent_id, load);
    }
    return loads;
  }

  async activeAssignments() {
    return this.sessions.sessions
      .filter((s) => s.status === 'active' && s.agent_id)
      .map((s) => ({ session_id: s.id, agent_id: s.agent_id as string, agent_name: s.agent_name ?? '', since: s.updated_at }));
  }
}

/** Agents as a test sets them; `fail` makes the directory unreachable. */
export class FakeAgentDirectory implements AgentDirectory {
  agents: AgentState[] = [];
  fail = false;

  set(agent_id: string, state: Partial<AgentState> = {}): void {
    this.agents = [...this.agents.filter((a) => a.agent_id !== agent_id), { agent_id, agent_name: agent_id, online: true, availability: 'available', offline_since: null, ...state }];
  }

  async agentStates(): Promise<AgentState[]> {
    if (this.fail) throw new Error('presence is unreachable');
    return this.agents.map((a) => ({ ...a }));
  }
}

/** Answers from a set of session ids the test says were answered; records the questions. */
export class FakeAnswerLedger implements AnswerLedger {
  readonly answeredIds = new Set<string>();
  readonly asked: string[][] = [];

  async answered(checks: Array<{ session_id: string }>): Promise<string[]> {
    this.asked.push(checks.map((c) => c.session_id));
    return checks.map((c) => c.session_id).filter((id) => this.answeredIds.has(id));
  }
}
