import { randomUUID } from 'node:crypto';
import { isStaff, searchWords, type AgentState, type CannedResponse, type ChatMessage, type ChatSession, type SessionRating, type Workload } from '@parley/contracts';
import { AppError, failedPrecondition, notFound, permissionDenied } from '@parley/errors';
import type { Caller } from '../domain/gateway.ports';
import type { FirstResponses, SessionFigures, SupportApis } from '../domain/support.ports';

/**
 * A hand-built stand-in for the services behind canned responses, ratings, search and reports,
 * for the gateway's own tests. The rules themselves are the services' (and tested there); this
 * keeps enough of them to show what the gateway passes on and composes. `calls` records what
 * reached it, so tests can assert that bad input never did.
 */
export class FakeSupport {
  readonly calls: string[] = [];
  readonly responses: CannedResponse[] = [];
  readonly ratings = new Map<string, SessionRating>();
  /** What the reports answer; tests set them. */
  sessionFigures: SessionFigures = { totals: null, agents: [], timeline: [] };
  firstResponses: FirstResponses = { totals: null, agents: [] };
  workload: Workload = { version: 0, waiting: 0, oldest_waiting_since: null, agents: [] };
  agentStates: AgentState[] = [];

  constructor(
    private readonly visible: (caller: Caller, sessionId: string) => ChatSession,
    private readonly messages: () => ChatMessage[],
  ) {}

  private staff(caller: Caller, name: string): void {
    this.calls.push(name);
    if (!isStaff(caller.identity.role)) throw permissionDenied('Only staff');
  }

  readonly api: SupportApis = {
    cannedResponses: {
      list: async (caller) => {
        this.staff(caller, 'canned.list');
        return this.responses;
      },
      create: async (caller, input) => {
        this.staff(caller, 'canned.create');
        if (this.responses.some((r) => r.shortcut === input.shortcut)) throw new AppError('ALREADY_EXISTS', `You already have a response /${input.shortcut}`);
        const now = new Date().toISOString();
        const response = { id: randomUUID(), ...input, created_at: now, updated_at: now };
        this.responses.push(response);
        return response;
      },
      update: async (caller, id, patch) => {
        this.staff(caller, 'canned.update');
        const index = this.responses.findIndex((r) => r.id === id);
        if (index < 0) throw notFound('Canned response not found');
        this.responses[index] = { ...this.responses[index], ...patch };
        return this.responses[index];
      },
      remove: async (caller, id) => {
        this.staff(caller, 'canned.remove');
        const index = this.responses.findIndex((r) => r.id === id);
        if (index < 0) throw notFound('Canned response not found');
        this.responses.splice(index, 1);
      },
    },
    ratings: {
      rate: async (caller, sessionId, input) => {
        this.calls.push('ratings.rate');
        const session = this.visible(caller, sessionId);
        if (session.customer_id !== caller.identity.userId) throw permissionDenied('Only the customer who opened the chat rates it');
        if (session.status !== 'resolved' && session.status !== 'closed') throw failedPrecondition('A chat is rated once it is resolved or closed');
        if (this.ratings.has(sessionId)) throw new AppError('ALREADY_EXISTS', 'This chat has already been rated');
        const rating: SessionRating = { session_id: sessionId, score: input.score, comment: input.comment || null, rated_by: caller.identity.userId, agent_id: session.agent_id, agent_name: session.agent_name, created_at: new Date().toISOString() };
        this.ratings.set(sessionId, rating);
        return rating;
      },
      get: async (caller, sessionId) => {
        this.calls.push('ratings.get');
        this.visible(caller, sessionId);
        return this.ratings.get(sessionId) ?? null;
      },
    },
    search: {
      search: async (_caller, query) => {
        this.calls.push('search.search');
        const words = searchWords(query.q);
        const hits = this.messages().filter((m) => words.every((w) => m.content.toLowerCase().includes(w)));
        const bySession = [...new Set(hits.map((m) => m.session_id))];
        const page = bySession.slice(query.offset, query.offset + query.limit);
        return {
          has_more: bySession.length > query.offset + query.limit,
          sessions: page.map((sessionId) => {
            const matches = hits.filter((m) => m.session_id === sessionId);
            return {
              session_id: sessionId,
              match_count: matches.length,
              matches: matches.map((m) => ({ message_id: m.id, seq: m.seq, sender_id: m.sender_id, sender_name: m.sender_name, sender_role: m.sender_role, message_type: m.message_type, created_at: m.created_at, snippet: m.content, highlights: [] })),
            };
          }),
        };
      },
      sessions: async (caller, ids) => {
        this.calls.push('search.sessions');
        return ids.flatMap((id) => {
          try {
            return [this.visible(caller, id)];
          } catch {
            return [];
          }
        });
      },
    },
    reports: {
      sessionFigures: async () => {
        this.calls.push('reports.sessionFigures');
        return this.sessionFigures;
      },
      firstResponses: async () => {
        this.calls.push('reports.firstResponses');
        return this.firstResponses;
      },
      workload: async (caller) => {
        this.staff(caller, 'reports.workload');
        return this.workload;
      },
      agentStates: async (caller) => {
        this.staff(caller, 'reports.agentStates');
        return this.agentStates;
      },
    },
  };
}
