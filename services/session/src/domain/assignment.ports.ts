import type { AgentState } from '@parley/contracts';

/** The support agents as the presence service knows them. */
export interface AgentDirectory {
  agentStates(): Promise<AgentState[]>;
}

/** Has the agent written in the chat since they got it? (the message service knows) */
export interface AnswerLedger {
  answered(checks: Array<{ session_id: string; agent_id: string; since: string }>): Promise<string[]>;
}

/** An active chat with the agent who has it and since when (accepted, transferred or reopened). */
export interface ActiveAssignment {
  session_id: string;
  agent_id: string;
  agent_name: string;
  since: string;
}

export interface AgentLoad {
  active: number;
  /** ms since the epoch; 0 when the agent never got a chat. */
  last_assigned_at: number;
}

/** What the assigner reads from chat_sessions beyond the session repository. */
export interface AssignmentRepository {
  /** Runs `work` holding the assigner's lock; answers null at once when another instance holds it. */
  exclusively<T>(work: () => Promise<T>): Promise<T | null>;
  /** For each of these agents: active chats now and when they last got one. */
  loads(agentIds: string[]): Promise<Map<string, AgentLoad>>;
  activeAssignments(): Promise<ActiveAssignment[]>;
}
