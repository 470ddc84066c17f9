import { canView, heldIsCurrent, sessionCarriedBy, withoutQueuePosition, type ChatSession, type EventEnvelope, type Identity, type QueueChangedPayload } from '@parley/contracts';
import { permissionDenied } from '@parley/errors';

/**
 * The sessions this gateway shows, kept true by the same event stream that feeds its sockets, so
 * a join answers from memory instead of asking the session service (a reconnect storm's joins of
 * the same chats). The rule that keeps `session_joined` never older than the events the socket
 * then gets (docs/architecture.md, "The gateway's session cache"):
 * - a session is held only while this gateway is bound to its events, that is while its room
 *   exists here (`covered`); it is learnt after the binding is in place (`remember`, from a
 *   session-service read made after binding), and forgotten when the room goes;
 * - every lifecycle event updates it (`apply`) before the event reaches the room's sockets, in the
 *   order the queue delivers them; an older copy never replaces a newer one (`updated_at`);
 * - the whole cache goes when the gateway's queue is re-established (events may have been missed).
 * A waiting session's place in the queue comes from the newest `queue.changed`.
 */
export class SessionCache {
  private readonly sessions = new Map<string, ChatSession>();
  private queue: QueueChangedPayload | null = null;

  constructor(private readonly covered: (sessionId: string) => boolean) {}

  /**
   * The session for `identity` from memory: undefined when not held (ask the session service),
   * PERMISSION_DENIED when held and not theirs (who may see a session never changes).
   */
  lookup(identity: Identity, sessionId: string): ChatSession | undefined {
    const id = sessionId.toLowerCase();
    const session = this.sessions.get(id);
    if (!session || !this.covered(id)) return undefined;
    if (!canView(identity, session)) throw permissionDenied('You are not a participant of this session');
    if (session.status !== 'waiting') return session;
    const position = this.queue?.waiting.indexOf(id) ?? -1;
    // Beyond the ids the queue event lists, or before any queue event: ask the session service.
    return position < 0 ? undefined : { ...session, queue_position: position + 1 };
  }

  /** A session read from the session service after this gateway bound its events. */
  remember(session: ChatSession): void {
    const held = this.sessions.get(session.id);
    if (held && heldIsCurrent(held, session)) return;
    // Where a waiting session stands comes from the newest queue event, not from this read.
    this.sessions.set(session.id, withoutQueuePosition(session));
  }

  /** An event from this gateway's queue, before its sockets get it. */
  apply(event: EventEnvelope): void {
    if (event.type === 'queue.changed') {
      const snapshot = event.data as QueueChangedPayload;
      if (!this.queue || snapshot.version > this.queue.version) this.queue = snapshot;
      return;
    }
    const session = sessionCarriedBy(event);
    if (!session || !this.covered(session.id)) return;
    this.remember(session);
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId.toLowerCase());
  }

  /** Events may have been missed (the queue was re-established): nothing held is trusted. */
  clear(): void {
    this.sessions.clear();
    this.queue = null;
  }

  get size(): number {
    return this.sessions.size;
  }
}
