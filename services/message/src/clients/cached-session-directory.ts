import { LRUCache } from 'lru-cache';
import type { ChatSession, Identity } from '@parley/contracts';
import type { SessionDirectory } from '../domain/message.ports';

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
 * missed (`clear`), and nothing is kept longer than `ttlMs`.
 */
export class CachedSessionDirectory implements SessionDirectory {
  private readonly entries: LRUCache<string, Entry>;
  /** Bumped by every forget/clear: an answer fetched across one is not kept (it may be older). */
  private epoch = 0;

  constructor(
    private readonly source: SessionDirectory,
    options: SessionCacheOptions,
  ) {
    this.entries = new LRUCache({ max: options.maxSessions, ttl: options.ttlMs });
  }

  async get(identity: Identity, sessionId: string): Promise<ChatSession> {
    const key = sessionId.toLowerCase();
    const cached = this.entries.get(key);
    if (cached?.viewers.has(viewerKey(identity))) return cached.session;
    const epoch = this.epoch;
    const session = await this.source.get(identity, sessionId);
    if (epoch === this.epoch) {
      const entry = cached && this.entries.get(key) === cached ? cached : { session, viewers: new Set<string>() };
      entry.session = session;
      entry.viewers.add(viewerKey(identity));
      this.entries.set(key, entry);
    }
    return session;
  }

  forget(sessionId: string): void {
    this.epoch++;
    this.entries.delete(sessionId.toLowerCase());
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
