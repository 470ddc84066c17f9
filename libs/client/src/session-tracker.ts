import type { ChatMessage } from '@parley/contracts';

interface Tracked {
  lastSeq: number;
  seen: Set<string>;
}

/**
 * What the client has of each joined session: the highest seq it has shown and the ids it has seen,
 * so a message delivered twice (a retry, a rejoin) reaches the app once.
 */
export class SessionTracker {
  private readonly sessions = new Map<string, Tracked>();

  track(sessionId: string): void {
    if (!this.sessions.has(sessionId)) this.sessions.set(sessionId, { lastSeq: 0, seen: new Set() });
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  joined(): string[] {
    return [...this.sessions.keys()];
  }

  lastSeq(sessionId: string): number | undefined {
    return this.sessions.get(sessionId)?.lastSeq;
  }

  /** True the first time a message of a tracked session is offered. */
  accept(message: ChatMessage): boolean {
    const tracked = this.sessions.get(message.session_id);
    if (!tracked || tracked.seen.has(message.id)) return false;
    tracked.seen.add(message.id);
    tracked.lastSeq = Math.max(tracked.lastSeq, message.seq);
    // Ids far behind the newest are never redelivered; keep the set small.
    if (tracked.seen.size > 2000) tracked.seen = new Set([...tracked.seen].slice(-1000));
    return true;
  }
}
