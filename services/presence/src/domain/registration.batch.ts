import { failed, NaturalBatcher, succeeded, type Outcome } from '@parley/batching';
import type { EventEnvelope, Participant } from '@parley/contracts';
import { AtCommit, type Connection, type PresenceRepository, type PresenceStore } from './presence.ports';
import { rosterChanged } from './presence.events';
import { planRegistrations, type Registration, type RegistrationPlan } from './registration.plan';

/** A join's answer is who is in the session now; the other registrations answer nothing. */
export type RegistrationAnswer = Participant[] | null;

/** The batch's `now` (which leases are live) and the lease a gateway without one is given. */
export interface LeaseTerms {
  now: Date;
  until: Date;
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** Locks the registrations' users (with `lock`; otherwise the caller holds the locks), reads the registry they concern, side by side (one round trip on a pipelined store, the read after the locks), and plans. */
async function planIn(store: PresenceStore, items: Registration[], lease: LeaseTerms, lock: boolean): Promise<RegistrationPlan> {
  const [, registry] = await Promise.all([
    lock ? store.lockUsers(items.map((i) => i.identity.userId)) : undefined,
    store.registry(
      unique(items.map((i) => i.identity.userId)),
      unique(items.map((i) => i.socket.socket_id)),
      unique(items.filter((i) => i.kind === 'connect' || i.kind === 'join').map((i) => i.socket.gateway_id)),
      lease.now,
    ),
  ]);
  return planRegistrations(registry, items, lease.until);
}

/**
 * Applies registrations in the caller's transaction: plans them (`planIn`), then writes the
 * changes and reads the roster when it changed, side by side again. Answers each item's refusal
 * and the events to record.
 */
export async function registerIn(store: PresenceStore, items: Registration[], lease: LeaseTerms, { lock = false }: { lock?: boolean } = {}): Promise<RegistrationPlan> {
  const plan = await planIn(store, items, lease, lock);
  const [, roster] = await Promise.all([plan.changes ? store.applyChanges(plan.changes) : undefined, plan.rosterChanged ? rosterChanged(store) : undefined]);
  if (roster) plan.events.push(roster);
  return plan;
}

/**
 * Removes a socket and takes it out of every session it was in, as its disconnect would (the
 * reaper's and a released gateway's way out). Call with its user locked; answers the events.
 */
export async function dropConnection(store: PresenceStore, connection: Connection): Promise<EventEnvelope[]> {
  const owner = { userId: connection.user_id, role: connection.user_role as Registration['identity']['role'], name: connection.user_name };
  const now = new Date(); // a disconnect gives no lease
  const { events } = await registerIn(store, [{ kind: 'disconnect', identity: owner, socket: connection }], { now, until: now });
  return events;
}

/**
 * One transaction for everything waiting: its users locked in one statement and the registry
 * read; then the changes written and the participants of every session joined read in one query,
 * with the events recorded and the COMMIT in the same round trip. Two round trips on the
 * pipelined store; three when the supervisors' roster changed (an agent came online or went
 * offline): its event needs the roster as the changes left it.
 */
async function registerBatch(presence: PresenceRepository, items: Registration[], lease: () => LeaseTerms): Promise<Outcome<RegistrationAnswer>[]> {
  const terms = lease();
  return presence.transaction(async (store) => {
    const plan = await planIn(store, items, terms, true);
    const joined = unique(items.flatMap((item, i) => (item.kind === 'join' && !plan.refusals[i] ? [item.sessionId] : [])));
    const written = plan.changes ? store.applyChanges(plan.changes) : Promise.resolve();
    const read = joined.length > 0 ? store.participantsOf(joined) : Promise.resolve(new Map<string, Participant[]>());
    const answers = (participants: Map<string, Participant[]>) =>
      items.map((item, i) => {
        const refusal = plan.refusals[i];
        if (refusal) return failed<RegistrationAnswer>(refusal);
        return succeeded<RegistrationAnswer>(item.kind === 'join' ? (participants.get(item.sessionId) ?? []) : null);
      });
    if (plan.rosterChanged) {
      const [, roster, participants] = await Promise.all([written, rosterChanged(store), read]);
      await store.record([...plan.events, roster]);
      return answers(participants);
    }
    await store.record(plan.events);
    return new AtCommit(Promise.all([written, read]).then(([, participants]) => answers(participants)));
  });
}

/**
 * The most registrations one transaction takes. Each of its users' advisory locks is an entry in
 * PostgreSQL's shared lock table, which holds max_locks_per_transaction × max_connections entries
 * for the whole server; a bounded batch also keeps its row locks short.
 */
export const MAX_REGISTRATIONS_PER_TRANSACTION = 500;

/**
 * Registrations in batches (natural batching): what arrives while a batch is running (other
 * gateways' calls, this one's next) forms the next batch, one transaction for them all. A call's
 * items are queued together, so they share a transaction unless it would pass the bound. One
 * batch at a time per instance: a socket's registrations in two batches then run in the order
 * they were queued (with two at once, the later batch could take the user's lock first). A
 * transaction that fails fails every call in it.
 */
export function createRegistrar(presence: PresenceRepository, lease: () => LeaseTerms) {
  const batcher = new NaturalBatcher<Registration, Outcome<RegistrationAnswer>>({
    hop: 'presence.registrations',
    maxBatchSize: MAX_REGISTRATIONS_PER_TRANSACTION,
    run: async (items) => (await registerBatch(presence, items, lease)).map((outcome) => succeeded(outcome)),
  });
  return {
    /** Queues a call's items at once, in order; answers each. */
    register: (items: Registration[]): Promise<Outcome<RegistrationAnswer>[]> => Promise.all(items.map((item) => batcher.submit(item))),
  };
}

export type Registrar = ReturnType<typeof createRegistrar>;

/**
 * Keeps the calls that name one socket in the order they arrived, though each first waits for its
 * own checks (a join's session check, which a leave does not have): a call is handed on once every
 * earlier call naming one of its sockets has been. Calls about other sockets never wait.
 */
export class SocketOrder {
  private readonly handedOn = new Map<string, Promise<void>>();

  async run<R, T>(sockets: string[], ready: Promise<R>, handOn: (prepared: R) => Promise<T>): Promise<T> {
    const names = unique(sockets);
    const earlier = names.flatMap((s) => this.handedOn.get(s) ?? []);
    let release: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (release = resolve));
    for (const s of names) this.handedOn.set(s, done);
    let answer: Promise<T>;
    try {
      await Promise.all(earlier);
      // handOn queues the call before returning: the next call about these sockets queues after it.
      answer = handOn(await ready);
    } finally {
      release();
      for (const s of names) if (this.handedOn.get(s) === done) this.handedOn.delete(s);
    }
    return answer;
  }
}
