/**
 * Who must receive each sent message and who did: from it come the end-to-end latencies, the lost
 * messages (a recipient never saw one) and the duplicates (a recipient saw one twice).
 */
export interface DeliveryCounts {
  sent: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** new_message events naming a temp_id this ledger never sent. */
  unexpected: number;
  /** Sends the server refused as busy (RESOURCE_EXHAUSTED): not stored, so nobody is owed them. */
  refused: number;
}

interface Pending {
  sentAt: number;
  waiting: Set<string>;
}

export class DeliveryLedger {
  private readonly pending = new Map<string, Pending>();
  /** Recipients that already have a message, kept for duplicate detection until the run ends. */
  private readonly seen = new Set<string>();
  private counts = { sent: 0, expected: 0, delivered: 0, duplicated: 0, unexpected: 0, refused: 0 };

  constructor(private readonly onLatency: (microseconds: number) => void) {}

  sent(tempId: string, recipients: string[], sentAt: number): void {
    this.counts.sent += 1;
    this.counts.expected += recipients.length;
    this.pending.set(tempId, { sentAt, waiting: new Set(recipients) });
  }

  received(tempId: string, recipient: string, at: number): void {
    const key = `${tempId}\u0000${recipient}`;
    if (this.seen.has(key)) {
      this.counts.duplicated += 1;
      return;
    }
    const entry = this.pending.get(tempId);
    if (!entry || !entry.waiting.delete(recipient)) {
      this.counts.unexpected += 1;
      return;
    }
    this.seen.add(key);
    this.counts.delivered += 1;
    this.onLatency(Math.max(1, Math.round((at - entry.sentAt) * 1000)));
    if (entry.waiting.size === 0) this.pending.delete(tempId);
  }

  /** The server refused the send (busy): it was not stored, so its recipients are owed nothing. */
  refused(tempId: string): void {
    const entry = this.pending.get(tempId);
    if (!entry) return;
    this.counts.refused += 1;
    this.counts.expected -= entry.waiting.size;
    this.pending.delete(tempId);
  }

  /** Deliveries still awaited. */
  outstanding(): number {
    let count = 0;
    for (const entry of this.pending.values()) count += entry.waiting.size;
    return count;
  }

  totals(): DeliveryCounts {
    return { ...this.counts, lost: this.outstanding() };
  }
}
