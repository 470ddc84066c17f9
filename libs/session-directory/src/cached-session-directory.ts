import { LRUCache } from 'lru-cache';
import { canView, heldIsCurrent, withoutQueuePosition, type ChatSession, type Identity } from '@parley/contracts';
import type { SessionDirectory } from './session-directory.port';

export interface SessionCacheOptions {
  /** How long an answer is trusted when no event says otherwise (a missed event costs at most this). */
  ttlMs: number;
  /** Sessions held; the least recently used go first. */
  maxSessions: number;
}

/**
 * The sessions as the session service answers them (status, agent, requester), kept so that a
 * send or a read receipt does not cost a gRPC call and the session service's work each time. Who
 * may see a held session is decided here by the session service's own rule (`canView`); a caller
 * it refuses goes to the session service, so refusals are never decided from memory. Every
 * lifecycle event of a session replaces it with the session the event carries (`learn`: a chat
 * that has just been opened or accepted is held before its first message) or drops it (`forget`),
 * the whole cache is dropped when events may have been missed (`clear`), and nothing is kept longer
 * than `ttlMs`. Between a change and its event an answer can be a moment old: a caller about to
 * refuse on it asks again with `fresh`.
 */
export class CachedSessionDirectory implements SessionDirectory {
  private readonly entries: LRUCache<string, ChatSession>;
  /** Counts forgets and clears; an answer fetched across one of its session's is not kept. */
  private epoch = 0;
  private clearedAt = 0;
  /** When each recently forgotten session was forgotten (kept as long as an answer is trusted). */
  private readonly forgottenAt: LRUCache<string, number>;

  constructor(
    private readonly source: SessionDirectory,
    options: SessionCacheOptions,
  ) {
    this.entries = new LRUCache({ max: options.maxSessions, ttl: options.ttlMs });
    this.forgottenAt = new LRUCache({ max: options.maxSessions, ttl: options.ttlMs });
  }

  async get(identity: Identity, sessionId: string): Promise<ChatSession> {
    const cached = this.entries.get(sessionId.toLowerCase());
    if (cached && canView(identity, cached)) return cached;
    return this.fresh(identity, sessionId);
  }

  /** The session service's answer now, kept for the next calls: for a decision a stale answer would get wrong. */
  async fresh(identity: Identity, sessionId: string): Promise<ChatSession> {
    const key = sessionId.toLowerCase();
    const startedAt = this.epoch;
    const session = await this.source.get(identity, sessionId);
    if (this.clearedAt <= startedAt && (this.forgottenAt.get(key) ?? 0) <= startedAt) this.entries.set(key, withoutQueuePosition(session));
    return session;
  }

  /**
   * A lifecycle event's session as it stands after the change: held from now on. An event that is
   * not newer than the session held (delivered out of order, or two changes within a millisecond)
   * only drops it: when in doubt, ask.
   */
  learn(session: ChatSession): void {
    const key = session.id.toLowerCase();
    const held = this.entries.get(key);
    this.forget(key);
    if (held && heldIsCurrent(held, session)) return;
    this.entries.set(key, withoutQueuePosition(session));
  }

  forget(sessionId: string): void {
    const key = sessionId.toLowerCase();
    this.forgottenAt.set(key, ++this.epoch);
    this.entries.delete(key);
  }

  clear(): void {
    this.clearedAt = ++this.epoch;
    this.entries.clear();
    this.forgottenAt.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
