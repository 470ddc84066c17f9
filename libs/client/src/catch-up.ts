import type { ChatMessage, SessionJoinedEvent } from '@parley/contracts';
import { ParleyError } from './parley-error';
import { busyRetryDelayMs, isRetryable } from './send-queue';
import type { SessionTracker } from './session-tracker';

/**
 * The largest history page the server answers (LIMITS.historyMaxLimit; a spec holds the two equal).
 * Written here rather than imported: the SDK runs in browsers, and the contracts' index also holds
 * server-only code (request context on node:async_hooks) a bundler cannot ship.
 */
export const CATCH_UP_PAGE_SIZE = 200;

/**
 * The longest wait between two tries of a catch-up refused as busy: the server asks for about a
 * second, and a reconnect storm's clients should keep coming back at that pace (with jitter), not
 * drift to the send queue's 30 s.
 */
export const CATCH_UP_MAX_BUSY_DELAY_MS = 5000;

export interface CatchUpPorts {
  tracker: SessionTracker;
  /** join_session with the last seq the client has. */
  rejoin(sessionId: string, lastSeq: number): Promise<SessionJoinedEvent>;
  /** A page of history after a seq, oldest first. */
  page(sessionId: string, afterSeq: number, limit: number): Promise<ChatMessage[]>;
  /** Hands a message to the app (once: the tracker dedupes). */
  deliver(message: ChatMessage): void;
  /** Tells the app a gap could not be filled, so it reloads the session's history. */
  gap(error: ParleyError): void;
  retryDelayMs?: number;
  /** Tries of the rejoin and of each page before the gap is reported. */
  maxAttempts?: number;
  /**
   * Refusals as busy (RESOURCE_EXHAUSTED: a reconnect storm) of the rejoin or of a page before the
   * gap is reported; each is waited out (the server's `retry_after_ms`, backing off, with jitter so
   * a storm's clients do not come back together) and does not count as a failed try.
   */
  maxBusyRefusals?: number;
  /** Jitter source of the busy backoff (tests pin it). */
  random?: () => number;
}

/**
 * Brings a rejoined session up to date, in seq order, without a hole: the missed messages the
 * join answers with; when the server says it has more (`has_more`), the rest page by page over
 * REST; live messages that arrive meanwhile wait and follow. A gap that cannot be filled is
 * reported (`gap`), never skipped silently.
 */
export class CatchUp {
  /** Live messages of sessions being caught up, held until the catch-up is done. */
  private readonly held = new Map<string, ChatMessage[]>();

  constructor(private readonly ports: CatchUpPorts) {}

  /** True (and the message is kept for later) while its session is being caught up. */
  hold(message: ChatMessage): boolean {
    const waiting = this.held.get(message.session_id);
    if (!waiting) return false;
    waiting.push(message);
    return true;
  }

  isCatchingUp(sessionId: string): boolean {
    return this.held.has(sessionId);
  }

  async run(sessionId: string): Promise<void> {
    const { tracker, deliver } = this.ports;
    // A reconnect during a catch-up starts another; each delivers what it held, the last one owns the session.
    const waiting: ChatMessage[] = [];
    this.held.set(sessionId, waiting);
    try {
      const joined = await this.retrying(sessionId, () => this.ports.rejoin(sessionId, tracker.lastSeq(sessionId) ?? 0), waiting);
      if (!joined) return;
      joined.messages.forEach(deliver);
      if (joined.has_more) await this.pageRest(sessionId, waiting);
    } finally {
      if (this.held.get(sessionId) === waiting) this.held.delete(sessionId);
      waiting.forEach(deliver);
    }
  }

  private async pageRest(sessionId: string, owner: ChatMessage[]): Promise<void> {
    const { tracker, deliver } = this.ports;
    const limit = CATCH_UP_PAGE_SIZE;
    for (;;) {
      const page = await this.retrying(sessionId, () => this.ports.page(sessionId, tracker.lastSeq(sessionId) ?? 0, limit), owner);
      if (!page) return;
      page.forEach(deliver);
      if (page.length < limit) return;
    }
  }

  /**
   * Tries `step` with a growing pause; after the last try reports the gap and answers undefined.
   * A refusal as busy is waited out as the server asks, up to `maxBusyRefusals` of them. A catch-up
   * that a newer one (a reconnect meanwhile) has taken over stops without a word: the newer one
   * owns the session.
   */
  private async retrying<T>(sessionId: string, step: () => Promise<T>, owner: ChatMessage[]): Promise<T | undefined> {
    const maxAttempts = this.ports.maxAttempts ?? 5;
    const maxBusyRefusals = this.ports.maxBusyRefusals ?? 20;
    const retryDelayMs = this.ports.retryDelayMs ?? 500;
    let refusals = 0;
    for (let attempt = 1; ; ) {
      try {
        return await step();
      } catch (error) {
        const busy = error instanceof ParleyError && error.code === 'RESOURCE_EXHAUSTED' && ++refusals < maxBusyRefusals;
        if (!busy && (attempt >= maxAttempts || (error instanceof ParleyError && !isRetryable(error)))) {
          const reason = error instanceof Error ? error.message : String(error);
          const after = this.ports.tracker.lastSeq(sessionId) ?? 0;
          this.ports.gap(new ParleyError('CATCH_UP_INCOMPLETE', `Messages after seq ${after} of session ${sessionId} could not be loaded (${reason}); reload its history`));
          return undefined;
        }
        const pause = busy ? busyRetryDelayMs((error as ParleyError).retryAfterMs, refusals, retryDelayMs, { random: this.ports.random, maxDelayMs: CATCH_UP_MAX_BUSY_DELAY_MS }) : retryDelayMs * attempt++;
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (this.held.get(sessionId) !== owner) return undefined;
      }
    }
  }
}
