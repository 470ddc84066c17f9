import { LRUCache } from 'lru-cache';

/** Remembers the ids of recently handled events, so an at-least-once delivery is handled once. */
export class RecentIds {
  private readonly seen: LRUCache<string, true>;

  constructor(max = 20_000) {
    this.seen = new LRUCache({ max });
  }

  /** True the first time an id is offered, false for a duplicate. */
  firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.set(id, true);
    return true;
  }
}
