import type { Knex } from 'knex';
import type { ChatMessage, MessageSentEvent } from '@parley/contracts';
import { ParleyError, type ParleyClient } from '@parley/client';

/**
 * A Jepsen-style checker for message delivery under faults. It records every send (temp_id),
 * every ack (message id), every clear refusal, and every message each client showed its app;
 * `check()` reads the stack's database and counts acknowledged, stored, delivered, lost and
 * duplicated messages.
 */

interface Send {
  sender: string;
  sessionId: string;
  tempId: string;
  acks: MessageSentEvent[];
  failure?: string;
}

interface Watcher {
  name: string;
  sessionId: string;
  /** Messages up to this seq came with the join (history), not as deliveries. */
  joinedAtSeq: number;
  shown: ChatMessage[];
}

interface StoredRow {
  id: string;
  session_id: string;
  seq: number;
  temp_id: string | null;
  sender_id: string;
}

export interface LedgerReport {
  sent: number;
  acknowledged: number;
  /** Sends that ended in a clear error (never an ack). */
  refused: number;
  /** Sends with neither an ack nor an error yet. */
  unanswered: number;
  stored: number;
  /** Deliveries expected (stored messages × clients watching their session) and made. */
  expectedDeliveries: number;
  delivered: number;
  /** Acknowledged but not in the database. */
  lostAcked: string[];
  /** Stored but never shown to a client watching the session. */
  undelivered: string[];
  /** One temp_id stored more than once, or acked with different ids. */
  duplicatedStored: string[];
  /** A message a client showed its app more than once. */
  shownTwice: string[];
  /** A client showed a session's messages out of seq order. */
  outOfOrder: string[];
  /** Ack codes of sends that failed, counted. */
  refusals: Record<string, number>;
}

export class Ledger {
  private readonly sends = new Map<string, Send>();
  private readonly watchers: Watcher[] = [];

  /**
   * Records what `client` is shown of the session from now on. Every message after `joinedAtSeq`
   * must be shown; a watcher started before its client's join learns that seq from the join
   * (`joinedAt`), so nothing delivered while the join is on its way escapes it.
   */
  watch(name: string, client: ParleyClient, sessionId: string, joinedAtSeq = Number.POSITIVE_INFINITY): { joinedAt(seq: number): void } {
    const watcher: Watcher = { name, sessionId, joinedAtSeq, shown: [] };
    this.watchers.push(watcher);
    client.on('message', (m) => {
      if (m.session_id === sessionId) watcher.shown.push(m);
    });
    return { joinedAt: (seq) => void (watcher.joinedAtSeq = seq) };
  }

  /** Sends through the SDK (which queues while offline and retries with the same temp_id) and records the outcome. */
  send(sender: string, client: ParleyClient, sessionId: string, tempId: string, content = tempId): Promise<MessageSentEvent | undefined> {
    const entry = this.sends.get(tempId) ?? { sender, sessionId, tempId, acks: [] };
    this.sends.set(tempId, entry);
    return client.send(sessionId, content, { tempId }).then(
      (ack) => {
        entry.acks.push(ack);
        return ack;
      },
      (error: unknown) => {
        entry.failure = error instanceof ParleyError ? error.code : String(error);
        return undefined;
      },
    );
  }

  /**
   * Waits until every watching client of each message's session has shown it (or throws after `timeoutMs`).
   */
  async untilShown(messageIds: string[], timeoutMs: number): Promise<void> {
    const startedAt = Date.now();
    const wanted = new Set(messageIds);
    for (;;) {
      const missing = this.watchers.flatMap((w) => {
        const shown = new Set(w.shown.map((m) => m.id));
        const ofSession = [...this.sends.values()].filter((s) => s.sessionId === w.sessionId && s.acks[0] && wanted.has(s.acks[0].message_id));
        return ofSession.filter((s) => !shown.has(s.acks[0].message_id)).map((s) => `${w.name}: ${s.tempId}`);
      });
      if (missing.length === 0) return;
      if (Date.now() - startedAt > timeoutMs) throw new Error(`not shown within ${timeoutMs} ms: ${missing.slice(0, 10).join(', ')} (${missing.length} in all)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Every ack names a message id; acks of one temp_id all name the same one. */
  acknowledged(): Map<string, string> {
    const ids = new Map<string, string>();
    for (const send of this.sends.values()) if (send.acks.length > 0) ids.set(send.tempId, send.acks[0].message_id);
    return ids;
  }

  async check(knex: Knex): Promise<LedgerReport> {
    const sessionIds = [...new Set([...this.sends.values()].map((s) => s.sessionId).concat(this.watchers.map((w) => w.sessionId)))];
    const rows: StoredRow[] = sessionIds.length
      ? await knex('chat_messages').whereIn('session_id', sessionIds).select('id', 'session_id', 'seq', 'temp_id', 'sender_id').orderBy('seq')
      : [];
    const byTempId = new Map<string, StoredRow[]>();
    for (const row of rows) if (row.temp_id) byTempId.set(row.temp_id, [...(byTempId.get(row.temp_id) ?? []), row]);

    const sends = [...this.sends.values()];
    const acked = sends.filter((s) => s.acks.length > 0);
    const refusals: Record<string, number> = {};
    for (const s of sends) if (s.failure && s.acks.length === 0) refusals[s.failure] = (refusals[s.failure] ?? 0) + 1;
    const lostAcked = acked.filter((s) => !(byTempId.get(s.tempId) ?? []).some((r) => r.id === s.acks[0].message_id)).map((s) => s.tempId);
    const duplicatedStored = sends
      .filter((s) => (byTempId.get(s.tempId)?.length ?? 0) > 1 || new Set(s.acks.map((a) => a.message_id)).size > 1)
      .map((s) => s.tempId);

    let expectedDeliveries = 0;
    let delivered = 0;
    const undelivered: string[] = [];
    const shownTwice: string[] = [];
    const outOfOrder: string[] = [];
    for (const w of this.watchers) {
      const expected = rows.filter((r) => r.session_id === w.sessionId && r.seq > w.joinedAtSeq);
      const shownIds = new Set(w.shown.map((m) => m.id));
      expectedDeliveries += expected.length;
      delivered += expected.filter((r) => shownIds.has(r.id)).length;
      undelivered.push(...expected.filter((r) => !shownIds.has(r.id)).map((r) => `${w.name}: seq ${r.seq} (${r.temp_id ?? r.id})`));
      if (shownIds.size < w.shown.length) shownTwice.push(...w.shown.filter((m, i) => w.shown.findIndex((o) => o.id === m.id) !== i).map((m) => `${w.name}: ${m.id}`));
      const seqs = w.shown.map((m) => m.seq);
      if (seqs.some((seq, i) => i > 0 && seq <= seqs[i - 1])) outOfOrder.push(`${w.name}: ${seqs.join(',')}`);
    }
    return {
      sent: sends.length,
      acknowledged: acked.length,
      refused: sends.filter((s) => s.acks.length === 0 && s.failure).length,
      unanswered: sends.filter((s) => s.acks.length === 0 && !s.failure).length,
      stored: sends.filter((s) => byTempId.has(s.tempId)).length,
      expectedDeliveries,
      delivered,
      lostAcked,
      undelivered,
      duplicatedStored,
      shownTwice,
      outOfOrder,
      refusals,
    };
  }
}

/** One line of counts for the test log, like a Jepsen checker's summary. */
export function describeReport(label: string, r: LedgerReport): string {
  const refusals = Object.entries(r.refusals).map(([code, n]) => `${code}×${n}`).join(' ') || 'none';
  return (
    `[${label}] sent ${r.sent}, acknowledged ${r.acknowledged}, refused ${r.refused} (${refusals}), unanswered ${r.unanswered}, ` +
    `stored ${r.stored}, delivered ${r.delivered}/${r.expectedDeliveries}, lost ${r.lostAcked.length}, ` +
    `undelivered ${r.undelivered.length}, duplicated ${r.duplicatedStored.length}, shown twice ${r.shownTwice.length}, out of order ${r.outOfOrder.length}`
  );
}

/** The checker's verdict: nothing acknowledged lost, nothing stored twice or shown twice, everything delivered in order. */
export function expectNothingLost(r: LedgerReport): void {
  expect({
    lostAcked: r.lostAcked,
    undelivered: r.undelivered,
    duplicatedStored: r.duplicatedStored,
    shownTwice: r.shownTwice,
    outOfOrder: r.outOfOrder,
    unanswered: r.unanswered,
  }).toEqual({ lostAcked: [], undelivered: [], duplicatedStored: [], shownTwice: [], outOfOrder: [], unanswered: 0 });
}

/** Checks until every stored message reached every watching client and every send was answered, or the time is up. */
export async function settle(ledger: Ledger, knex: Knex, timeoutMs: number): Promise<LedgerReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await ledger.check(knex);
    if ((report.undelivered.length === 0 && report.unanswered === 0) || Date.now() > deadline) return report;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
