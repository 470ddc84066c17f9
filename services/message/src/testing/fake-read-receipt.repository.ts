import type { EventEnvelope } from '@parley/contracts';
import type { MarkingCheck, ReadReceiptRepository } from '../domain/message.ports';
import type { FakeMessageRepository } from './fake-message.repository';

/** Read receipts on the fake repository's messages (their `read_by`), recording events like the SQL one. */
export class FakeReadReceiptRepository implements ReadReceiptRepository {
  constructor(private readonly store: FakeMessageRepository) {}

  async markMessages(sessionId: string, userId: string, ids: string[], eventsFor: (ids: string[]) => EventEnvelope[], notes: boolean, check: MarkingCheck): Promise<string[]> {
    const found = this.store.messages.filter((m) => m.session_id === sessionId && ids.includes(m.id) && (notes || m.message_type !== 'note'));
    check(found.map((m) => ({ id: m.id, sender_id: m.sender_id })));
    return this.mark(userId, found.map((m) => m.id), eventsFor);
  }

  async markAll(sessionId: string, userId: string, eventsFor: (ids: string[]) => EventEnvelope[], notes: boolean): Promise<string[]> {
    const others = this.store.messages.filter((m) => m.session_id === sessionId && m.sender_id !== userId && (notes || m.message_type !== 'note'));
    const last = others.reduce((max, m) => Math.max(max, m.seq), 0);
    this.store.markRead(sessionId, userId, last);
    return this.mark(userId, others.map((m) => m.id), eventsFor);
  }

  private mark(userId: string, ids: string[], eventsFor: (ids: string[]) => EventEnvelope[]): string[] {
    const fresh = this.store.messages.filter((m) => ids.includes(m.id) && !m.read_by.some((r) => r.user_id === userId));
    fresh.forEach((m) => m.read_by.push({ user_id: userId, read_at: new Date().toISOString() }));
    const newlyRead = fresh.map((m) => m.id);
    this.store.events.push(...eventsFor(newlyRead));
    return newlyRead;
  }
}
