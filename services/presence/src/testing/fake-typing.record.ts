import type { EventEnvelope } from '@parley/contracts';
import type { AnnouncedTypists, TypingChange, TypingRecord, TypingSignals } from '../domain/typing.service';

/** typing_indicators in memory, with every batch of changes applied, for the domain's unit tests. */
export class FakeTypingRecord implements TypingRecord {
  readonly rows = new Map<string, { user_name: string; expires_at: Date }>();
  readonly batches: TypingChange[][] = [];

  async apply(changes: TypingChange[]): Promise<void> {
    this.batches.push(changes);
    for (const change of changes) {
      const key = `${change.session_id}/${change.user_id}`;
      if (change.kind === 'stopped') this.rows.delete(key);
      else this.rows.set(key, { user_name: change.user_name, expires_at: change.expires_at });
    }
  }

  async deleteExpired(now: Date): Promise<number> {
    const expired = [...this.rows].filter(([, row]) => row.expires_at < now);
    expired.forEach(([key]) => this.rows.delete(key));
    return expired.length;
  }
}

/** The signals announced, in order. */
export class FakeTypingSignals implements TypingSignals {
  readonly announced: EventEnvelope[] = [];
  announce(events: EventEnvelope[]): void {
    this.announced.push(...events);
  }
}

/** The throttle's memory: a plain map (the service forgets entries with an LRU cache). */
export const announcedTypists = (): AnnouncedTypists => new Map<string, number>();
