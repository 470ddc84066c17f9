import type { ChatMessage } from '@parley/contracts';
import type { Logger } from '@parley/logger';

export interface RoomSequencerDeps {
  /** Messages of a session after a seq, oldest first (the message service, as the gateway). */
  fetchAfter(sessionId: string, afterSeq: number): Promise<ChatMessage[]>;
  /** Hands one message to the room's sockets, in seq order. */
  deliver(message: ChatMessage): void;
  logger: Logger;
  /** How long a gap may stay open (an event in flight) before the gateway reads the missing messages. */
  gapWaitMs?: number;
}

interface Room {
  /** The highest seq handed to the room with nothing missing before it; undefined until known. */
  delivered: number | undefined;
  buffer: Map<number, ChatMessage>;
  fillTimer: NodeJS.Timeout | null;
  filling: boolean;
}

/**
 * Puts the message events of each session room back in seq order and fills gaps. Events arrive
 * at least once and may arrive out of order (several relays) or not at all for this gateway (its
 * queue was gone during a broker outage); the message store is the truth, so a gap that does not
 * close by itself is read from it. Duplicates pass through: each socket drops what it already has.
 */
export class RoomSequencer {
  private readonly rooms = new Map<string, Room>();
  /** Who waits for a room to have handed up to a seq (`reached`). */
  private readonly waiters = new Map<string, Array<{ seq: number; done: () => void }>>();

  constructor(private readonly deps: RoomSequencerDeps) {}

  open(sessionId: string): void {
    if (!this.rooms.has(sessionId)) this.rooms.set(sessionId, { delivered: undefined, buffer: new Map(), fillTimer: null, filling: false });
  }

  close(sessionId: string): void {
    const room = this.rooms.get(sessionId);
    if (room?.fillTimer) clearTimeout(room.fillTimer);
    this.rooms.delete(sessionId);
    this.wake(sessionId, Infinity);
  }

  /**
   * Resolves once the room has handed every message up to `seq` (at once if it has, or if the room
   * is not open here), or after `timeoutMs` whatever it has: a sender's ack waits on it so that it
   * never overtakes an earlier message another instance stored and whose event is still on its way.
   */
  reached(sessionId: string, seq: number, timeoutMs: number): Promise<void> {
    const room = this.rooms.get(sessionId);
    if (!room || room.delivered === undefined || room.delivered >= seq) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      const list = this.waiters.get(sessionId) ?? [];
      list.push({ seq, done });
      this.waiters.set(sessionId, list);
    });
  }

  private wake(sessionId: string, delivered: number): void {
    const list = this.waiters.get(sessionId);
    if (!list) return;
    const waiting = list.filter((w) => (w.seq <= delivered ? (w.done(), false) : true));
    if (waiting.length > 0) this.waiters.set(sessionId, waiting);
    else this.waiters.delete(sessionId);
  }

  /** What a joining socket saw in history: the room needs nothing older. */
  setBaseline(sessionId: string, seq: number): void {
    const room = this.rooms.get(sessionId);
    if (room && room.delivered === undefined) room.delivered = seq;
  }

  accept(message: ChatMessage): void {
    const room = this.rooms.get(message.session_id);
    if (!room) return;
    if (room.delivered === undefined || message.seq <= room.delivered + 1) {
      this.hand(room, message);
      this.drainBuffer(room);
    } else {
      room.buffer.set(message.seq, message);
      this.scheduleFill(message.session_id, room);
    }
  }

  /** Reads whatever every room may have missed (after a broker outage). */
  resyncAll(): Promise<void> {
    return Promise.all([...this.rooms.keys()].map((id) => this.fill(id))).then(() => undefined);
  }

  private hand(room: Room, message: ChatMessage): void {
    this.deps.deliver(message);
    room.delivered = Math.max(room.delivered ?? 0, message.seq);
    this.wake(message.session_id, room.delivered);
  }

  private drainBuffer(room: Room): void {
    for (const seq of [...room.buffer.keys()].sort((a, b) => a - b)) {
      const delivered = room.delivered ?? 0;
      if (seq <= delivered) room.buffer.delete(seq);
      else if (seq === delivered + 1) {
        this.hand(room, room.buffer.get(seq) as ChatMessage);
        room.buffer.delete(seq);
      } else break;
    }
  }

  private scheduleFill(sessionId: string, room: Room, delayMs = this.deps.gapWaitMs ?? 250): void {
    if (room.fillTimer) return;
    room.fillTimer = setTimeout(() => {
      room.fillTimer = null;
      void this.fill(sessionId);
    }, delayMs);
  }

  private async fill(sessionId: string): Promise<void> {
    const room = this.rooms.get(sessionId);
    if (!room || room.filling || room.delivered === undefined) return;
    room.filling = true;
    try {
      const missing = await this.deps.fetchAfter(sessionId, room.delivered);
      if (this.rooms.get(sessionId) !== room) return;
      for (const message of missing) if (message.seq > (room.delivered ?? 0)) this.hand(room, message);
      this.drainBuffer(room);
    } catch (error) {
      this.deps.logger.warn({ err: (error as Error).message, sessionId }, 'could not read missed messages; retrying');
      this.scheduleFill(sessionId, room, 1000);
    } finally {
      room.filling = false;
    }
    if (room.buffer.size > 0) this.scheduleFill(sessionId, room);
  }
}
