import { LRUCache } from 'lru-cache';
import type { ChatSession, Identity } from '@parley/contracts';
import type { SessionDirectory } from './session-directory.port';

export interface SessionCacheOptions {
  /** How long an answer is trusted when no event says otherwise (a missed event costs at most this). */
  ttlMs: number;
  /** Sessions held; the least recently used go first. */
  maxSessions: number;
}

interface Entry {
  session: ChatSession;
  /** The callers the session service let see it (a requester's own chat; staff). */
  viewers: Set<string>;
}

const viewerKey = (identity: Identity) => `${identity.role}:${identity.userId}`;

/**
 * The session service's answers (who may see a session, its status and agent), kept so that a
 * send or a read receipt does not cost a gRPC call and the session service's work each time. Only
 * allowed answers are kept, per caller; refusals always go to the session service. Every lifecycle
 * event of a session drops it (`forget`), the whole cache is dropped when events may have been
 * missed (`clear`), and nothing is kept longer than `ttlMs`. Between a change and its event an
 * answer can be a moment old: a caller about to refuse on it asks again with `fresh`.
 */
export class CachedSessionDirectory implements SessionDirectory {
  private readonly entries: LRUCache<string, Entry>;
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
    if (cached?.viewers.has(viewerKey(identity))) return cached.session;
    return this.fresh(identity, sessionId);
  }

  /** The session service's answer now, kept for the next calls: for a decision a stale answer would get wrong. */
  async fresh(identity: Identity, sessionId: string): Promise<ChatSession> {
    const key = sessionId.toLowerCase();
    const startedAt = this.epoch;
    const session = await this.source.get(identity, sessionId);
    if (this.clearedAt <= startedAt && (this.forgottenAt.get(key) ?? 0) <= startedAt) {
      const entry = this.entries.get(key);
      const viewers = entry && entry.session.updated_at === session.updated_at ? entry.viewers : new Set<string>();
      viewers.add(viewerKey(identity));
      this.entries.set(key, { session, viewers });
    }
    return session;
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
