import type { Knex } from 'knex';
import { failed, NaturalBatcher, succeeded, type Outcome } from '@parley/batching';
import type { Outbox } from '@parley/bus';
import type { PipelinedTransaction } from '@parley/db';
import type { EventEnvelope } from '@parley/contracts';
import type { MarkingCheck, ReadReceiptRepository } from '../domain/message.ports';
import { ADVANCE_CURSORS_SQL, CURSORS_AT_SQL, ENSURE_CURSORS_SQL, FIND_MESSAGES_SQL, LOCK_CURSORS_SQL, MARK_IDS_SQL, MARK_RANGES_SQL } from './read-receipt.sql';

/** One marking: by ids, or (ids null) everything of the others up to now. */
interface Marking {
  sessionId: string;
  userId: string;
  ids: string[] | null;
  /** The reader sees private notes (staff). */
  notes: boolean;
  eventsFor(newlyRead: string[]): EventEnvelope[];
  /** A marking by ids: whether the messages it names may be marked (throws the refusal). */
  check?: MarkingCheck;
}

/** (session, reader) pairs, each once, in the order every batch locks them. */
function readersOf(items: Marking[]): { sessions: string[]; users: string[]; notes: boolean[] } {
  const pairs = new Map(items.map((item) => [keyOf(item), item]));
  const readers = [...pairs.keys()].sort().map((k) => pairs.get(k) as Marking);
  return { sessions: readers.map((m) => m.sessionId), users: readers.map((m) => m.userId), notes: readers.map((m) => m.notes) };
}

type MarkedRow = { message_id: string; session_id: string; user_id: string };
type FoundRow = { id: string; session_id: string; sender_id: string; message_type: string };
type CursorRow = { session_id: string; user_id: string; receipts_seq: string; last_seq: string };

/**
 * Marks a batch in the caller's pipelined transaction, set based (read-receipt.sql.ts): every
 * reader's "everything" first, then the named messages. Answers each marking's newly read ids: a
 * message two markings of one reader both name counts for the first. Named markings alone take one
 * round trip (the cursors ensured, the receipts written, the cursors moved); "everything" takes
 * two, its cursors locked and read first.
 */
async function markIn(knex: Knex, trx: PipelinedTransaction, items: Marking[]): Promise<string[][]> {
  const answers = items.map((): string[] => []);
  const all = readersOf(items);
  const ensured = trx.query(knex.raw(ENSURE_CURSORS_SQL, [all.sessions, all.users]), 'read-ensure-cursors');
  const named = items.filter((item) => item.ids !== null);
  /** Queues the named markings' statements; answers once they are back. */
  const markNamed = async () => {
    if (named.length === 0) return;
    const flat = named.flatMap((item) => (item.ids as string[]).map((id) => ({ item, id })));
    const readers = readersOf(named);
    const [rows] = await Promise.all([
      trx.query<MarkedRow>(knex.raw(MARK_IDS_SQL, [flat.map((f) => f.item.sessionId), flat.map((f) => f.item.userId), flat.map((f) => f.id), flat.map((f) => f.item.notes)]), 'read-mark-ids'),
      trx.query(knex.raw(ADVANCE_CURSORS_SQL, [readers.sessions, readers.users, readers.notes]), 'read-advance-cursors'),
    ]);
    const fresh = new Set(rows.map((r) => `${r.session_id}/${r.user_id}/${r.message_id}`));
    items.forEach((item, i) => {
      if (item.ids === null) return;
      for (const id of item.ids) if (fresh.delete(`${keyOf(item)}/${id}`)) answers[i].push(id);
    });
  };
  const whole = items.filter((item) => item.ids === null);
  if (whole.length === 0) {
    await Promise.all([ensured, markNamed()]);
    return answers;
  }
  const readers = readersOf(whole);
  const [, cursors] = await Promise.all([ensured, trx.query<CursorRow>(knex.raw(LOCK_CURSORS_SQL, [readers.sessions, readers.users]), 'read-lock-cursors')]);
  const column = <T>(pick: (c: CursorRow) => T) => cursors.map(pick);
  const seesNotes = new Map(whole.map((m) => [keyOf(m), m.notes]));
  const [rows] = await Promise.all([
    trx.query<MarkedRow>(
      knex.raw(MARK_RANGES_SQL, [
        column((c) => c.session_id),
        column((c) => c.user_id),
        column((c) => Number(c.receipts_seq)),
        column((c) => Number(c.last_seq)),
        column((c) => seesNotes.get(`${c.session_id}/${c.user_id}`) ?? false),
      ]),
      'read-mark-ranges',
    ),
    trx.query(knex.raw(CURSORS_AT_SQL, [column((c) => c.session_id), column((c) => c.user_id), column((c) => Number(c.last_seq))]), 'read-cursors-at'),
    markNamed(),
  ]);
  // The reader's first "everything" marking answers what it read.
  const first = new Map<string, number>();
  items.forEach((item, i) => item.ids === null && !first.has(keyOf(item)) && first.set(keyOf(item), i));
  for (const row of rows) answers[first.get(`${row.session_id}/${row.user_id}`) as number].push(row.message_id);
  return answers;
}

/**
 * Reads the messages the named markings name, queued with their statements (the same round trip)
 * and checked once back: answers the refusal of each marking its check refuses, by index.
 */
async function checkIn(knex: Knex, trx: PipelinedTransaction, items: Marking[]): Promise<Map<number, unknown>> {
  const refused = new Map<number, unknown>();
  const named = items.flatMap((item) => item.ids ?? []);
  if (named.length === 0) return refused;
  const rows = await trx.query<FoundRow>(knex.raw(FIND_MESSAGES_SQL, [[...new Set(named)]]), 'read-find-messages');
  const byId = new Map(rows.map((row) => [row.id, row]));
  items.forEach((item, i) => {
    if (!item.check || item.ids === null) return;
    const found = item.ids.flatMap((id) => {
      const row = byId.get(id);
      return row && row.session_id === item.sessionId && (item.notes || row.message_type !== 'note') ? [{ id, sender_id: row.sender_id }] : [];
    });
    try {
      item.check(found);
    } catch (refusal) {
      refused.set(i, refusal);
    }
  });
  return refused;
}

/** Some markings of a batch were refused: the transaction is rolled back and runs again without them. */
class MarkingsRefused extends Error {
  constructor(readonly refused: Map<number, unknown>) {
    super('markings refused');
  }
}

/** Deadlocks between two instances' batches are retried; nothing was written. */
const isDeadlock = (error: unknown) => ['40P01', '40001'].includes((error as { code?: string }).code ?? '');
const MAX_TRIES = 5;

/**
 * message_read_receipts and message_read_cursors; `messages.read` goes to message_outbox in the
 * same transaction. Markings that arrive together share one transaction (one commit) of a few
 * set-based statements whatever their number; a reader announces once per batch, with every id
 * they newly read. The named markings are checked in that transaction's first round trip, beside
 * their writes: a batch with a refused marking is rolled back and runs again without it (bad
 * input pays the second run, not every batch a look-up of its own).
 */
export function createReadReceiptRepository(knex: Knex, outbox: Outbox): ReadReceiptRepository {
  /** Marks `items` in one transaction, or throws `MarkingsRefused` (indexes into `items`) having stored nothing. */
  function markOnce(items: Marking[]): Promise<string[][]> {
    return outbox.pipelined(async (trx, record) => {
      const checked = checkIn(knex, trx, items);
      const marked = markIn(knex, trx, items);
      const refused = await checked;
      if (refused.size > 0) {
        // Nothing leaves after the throw: the rollback waits for the statements under way.
        await marked.catch(() => undefined);
        throw new MarkingsRefused(refused);
      }
      const answers = await marked;
      // One announcement per reader and batch, with every id the reader newly read.
      const announced = new Map<string, { eventsFor: Marking['eventsFor']; ids: string[] }>();
      items.forEach((item, i) => {
        const group = announced.get(keyOf(item)) ?? { eventsFor: item.eventsFor, ids: [] };
        group.ids.push(...answers[i]);
        announced.set(keyOf(item), group);
      });
      record([...announced.values()].flatMap((g) => (g.ids.length > 0 ? g.eventsFor(g.ids) : [])));
      return answers;
    });
  }

  async function markBatch(items: Marking[]): Promise<Outcome<string[]>[]> {
    const outcomes: Array<Outcome<string[]>> = new Array(items.length);
    let live = items.map((item, index) => ({ item, index }));
    for (let attempt = 1; live.length > 0; ) {
      try {
        const answers = await markOnce(live.map((l) => l.item));
        live.forEach((l, i) => (outcomes[l.index] = succeeded(answers[i])));
        live = [];
      } catch (error) {
        if (error instanceof MarkingsRefused) {
          for (const [i, refusal] of error.refused) outcomes[live[i].index] = failed(refusal);
          live = live.filter((_, i) => !error.refused.has(i));
        } else if (!isDeadlock(error) || ++attempt > MAX_TRIES) throw error;
      }
    }
    return outcomes;
  }

  const markings = new NaturalBatcher<Marking, string[]>({ hop: 'message.mark-read', maxBatchSize: 200, run: markBatch });

  return {
    markMessages: (sessionId, userId, ids, eventsFor, notes, check) => markings.submit({ sessionId, userId, ids, eventsFor, notes, check }),
    markAll: (sessionId, userId, eventsFor, notes) => markings.submit({ sessionId, userId, ids: null, eventsFor, notes }),
  };
}

const keyOf = (m: Marking) => `${m.sessionId}/${m.userId}`;
