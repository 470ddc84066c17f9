import { randomUUID } from 'node:crypto';
import type { ChatMessage, EventEnvelope } from '@parley/contracts';
import { messageCreatedEvent } from '../domain/message-created.event';
import { countedSide, type MessageRepository, type NewMessage, type SendResult, type SenderSide, type StoredPage } from '../domain/message.ports';

/**
 * MessageRepository in memory, with the same seq, temp_id and read-cursor rules as the SQL one.
 * Session ids match whatever their case (they are uuid columns) and come back in lowercase.
 */
export class FakeMessageRepository implements MessageRepository {
  readonly messages: ChatMessage[] = [];
  readonly events: EventEnvelope[] = [];
  private readonly counters = new Map<string, number>();
  private readonly cursors = new Map<string, number>();

  async findByTempId(sessionId: string, senderId: string, tempId: string): Promise<ChatMessage | null> {
    return this.messages.find((m) => m.session_id === sessionId && m.sender_id === senderId && m.temp_id === tempId) ?? null;
  }

  async send(message: NewMessage, requestId?: string | null): Promise<SendResult> {
    const existing = message.temp_id ? await this.findByTempId(message.session_id, message.sender_id, message.temp_id) : null;
    if (existing) return { message: existing, created: false };
    const seq = (this.counters.get(message.session_id) ?? 0) + 1;
    const stored: ChatMessage = { ...message, id: randomUUID(), seq, created_at: new Date().toISOString(), read_by: [] };
    const events = [messageCreatedEvent(stored, requestId)];
    this.counters.set(message.session_id, seq);
    this.markRead(message.session_id, message.sender_id, seq);
    this.messages.push(stored);
    this.events.push(...events);
    return { message: stored, created: true };
  }

  async listPage(sessionId: string, limit: number, offset: number, notes: boolean): Promise<StoredPage> {
    const messages = this.inSession(sessionId)
      .filter((m) => notes || m.message_type !== 'note')
      .reverse()
      .slice(offset, offset + limit)
      .reverse();
    return { messages, lastSeq: this.lastSeqOf(sessionId) };
  }

  async listAfter(sessionId: string, afterSeq: number, limit: number, notes: boolean): Promise<StoredPage> {
    const messages = this.inSession(sessionId)
      .filter((m) => m.seq > afterSeq && (notes || m.message_type !== 'note'))
      .slice(0, limit);
    return { messages, lastSeq: this.lastSeqOf(sessionId) };
  }

  private lastSeqOf(sessionId: string): number {
    return this.counters.get(sessionId.toLowerCase()) ?? 0;
  }

  async unreadCounts(userId: string, sessionIds: string[], fromSide: SenderSide): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const id of sessionIds.map((i) => i.toLowerCase())) {
      const cursor = this.cursors.get(`${id}/${userId}`) ?? 0;
      const unread = this.inSession(id).filter(
        (m) => m.seq > cursor && m.sender_id !== userId && countedSide(m) === fromSide && !m.read_by.some((r) => r.user_id === userId),
      ).length;
      if (unread > 0) counts.set(id, unread);
    }
    return counts;
  }

  async lastMessages(sessionIds: string[], notes: boolean): Promise<Map<string, ChatMessage>> {
    const last = new Map<string, ChatMessage>();
    for (const id of sessionIds.map((i) => i.toLowerCase())) {
      const message = this.inSession(id).filter((m) => notes || m.message_type !== 'note').at(-1);
      if (message) last.set(id, message);
    }
    return last;
  }

  /** Moves a reader's cursor, as a read receipt would. */
  markRead(sessionId: string, userId: string, seq: number): void {
    const key = `${sessionId}/${userId}`;
    this.cursors.set(key, Math.max(this.cursors.get(key) ?? 0, seq));
  }

  private inSession(sessionId: string): ChatMessage[] {
    return this.messages.filter((m) => m.session_id === sessionId.toLowerCase()).sort((a, b) => a.seq - b.seq);
  }
}
