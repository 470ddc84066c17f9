import { routingKeys, seesNotes, type ChatMessage, type EventEnvelope } from '@parley/contracts';
import type { Subscription } from '@parley/bus';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import { RoomSequencer } from './room-sequencer';
import { SessionCache } from './session-cache';
import { SESSION_ROOM_PREFIX, sessionRoom, type GatewayServer, type GatewaySocket } from '../socket/socket.types';

/** How long a session stays bound after its last socket left, unless configured (ROOM_UNBIND_GRACE_MS). */
export const DEFAULT_ROOM_UNBIND_GRACE_MS = 30_000;

export interface SessionRoomsDeps {
  io: GatewayServer;
  subscription: Subscription;
  fetchAfter(sessionId: string, afterSeq: number): Promise<ChatMessage[]>;
  logger: Logger;
  /** How long (ms) a session stays bound once no socket here is in it and no join is on its way (0: unbound at once). */
  unbindGraceMs: number;
}

/**
 * Connects the bus to Socket.io rooms: while this gateway has sockets in a session it binds the
 * session's routing keys, and each message event reaches each socket once, in seq order; a
 * private note reaches staff sockets only. When the last socket leaves, the binding (and with it
 * the session held in memory, which its events keep true) stays for `unbindGraceMs`: a client
 * back within it, as after a network blip, joins without a bind and without a session read.
 */
export class SessionRooms {
  private readonly sequencer: RoomSequencer;
  /** Sessions whose events this gateway's queue receives: bound, and not unbound since. */
  private readonly bound = new Set<string>();
  /** Joins of a session between binding it and putting their socket in its room: it stays bound. */
  private readonly entering = new Map<string, number>();
  /** The sessions shown here, kept true by their events while bound (session-cache.ts). */
  readonly sessions: SessionCache;
  /** Sessions no socket here is in any more, bound until their timer fires. */
  private readonly unbinding = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: SessionRoomsDeps) {
    this.sequencer = new RoomSequencer({ fetchAfter: deps.fetchAfter, deliver: (m) => this.deliver(m), logger: deps.logger });
    this.sessions = new SessionCache((sessionId) => this.bound.has(sessionId));
    deps.io.of('/').adapter.on('delete-room', (room: string) => {
      if (!room.startsWith(SESSION_ROOM_PREFIX)) return;
      const sessionId = room.slice(SESSION_ROOM_PREFIX.length);
      this.sequencer.close(sessionId);
      this.unbindIfUnused(sessionId);
    });
    deps.subscription.onReestablished(() => {
      deps.logger.info('event queue re-established; reading what the rooms missed');
      this.sessions.clear();
      void this.sequencer.resyncAll();
    });
  }

  /**
   * Binds the session's events to this gateway's queue (once, however many sockets join) and
   * holds the binding for a join until it enters the room or gives up (`release`).
   */
  async bind(sessionId: string): Promise<void> {
    this.keepBound(sessionId);
    this.entering.set(sessionId, (this.entering.get(sessionId) ?? 0) + 1);
    try {
      await this.deps.subscription.bind(routingKeys.sessionPattern(sessionId));
      this.bound.add(sessionId);
    } catch (error) {
      this.release(sessionId);
      throw error;
    }
  }

  /** A join that bound the session is done with its hold (it entered the room, or gave up). */
  release(sessionId: string): void {
    const left = (this.entering.get(sessionId) ?? 1) - 1;
    if (left > 0) this.entering.set(sessionId, left);
    else this.entering.delete(sessionId);
    this.unbindIfUnused(sessionId);
  }

  /** Puts the socket in the session's room (binding it first), holding live messages until `completeJoin`. */
  async enter(socket: GatewaySocket, sessionId: string): Promise<void> {
    this.sequencer.open(sessionId);
    await this.bind(sessionId);
    try {
      const previous = socket.data.sessions.get(sessionId);
      socket.data.sessions.set(sessionId, { lastSeq: previous?.lastSeq ?? 0, pending: [] });
      await socket.join(sessionRoom(sessionId));
    } finally {
      this.release(sessionId);
    }
  }

  /** Unbinds nothing any more: the timers of the sessions waiting to be unbound stop (the gateway is closing). */
  close(): void {
    for (const timer of this.unbinding.values()) clearTimeout(timer);
    this.unbinding.clear();
  }

  private inUse(sessionId: string): boolean {
    return this.entering.has(sessionId) || this.deps.io.of('/').adapter.rooms.has(sessionRoom(sessionId));
  }

  /** No socket in the room and no join on its way: the session's events are not needed here, after the grace. */
  private unbindIfUnused(sessionId: string): void {
    if (this.inUse(sessionId) || this.unbinding.has(sessionId)) return;
    const graceMs = this.deps.unbindGraceMs;
    if (graceMs <= 0) return this.unbind(sessionId);
    const timer = setTimeout(() => {
      this.unbinding.delete(sessionId);
      if (!this.inUse(sessionId)) this.unbind(sessionId);
    }, graceMs);
    timer.unref();
    this.unbinding.set(sessionId, timer);
  }

  /** A join is on its way: a session waiting to be unbound stays. */
  private keepBound(sessionId: string): void {
    const timer = this.unbinding.get(sessionId);
    if (!timer) return;
    clearTimeout(timer);
    this.unbinding.delete(sessionId);
  }

  private unbind(sessionId: string): void {
    this.bound.delete(sessionId);
    this.sessions.forget(sessionId);
    void this.deps.subscription.unbind(routingKeys.sessionPattern(sessionId));
  }

  /** After `session_joined` went out: what the socket has, then whatever arrived meanwhile. */
  completeJoin(socket: GatewaySocket, sessionId: string, historyLastSeq: number): void {
    const state = socket.data.sessions.get(sessionId);
    if (!state) return;
    const pending = state.pending ?? [];
    state.pending = null;
    state.lastSeq = historyLastSeq;
    this.sequencer.setBaseline(sessionId, historyLastSeq);
    pending.sort((a, b) => a.seq - b.seq).forEach((m) => this.sendTo(socket, m));
  }

  /** A failed join leaves the socket as it was. */
  abortJoin(socket: GatewaySocket, sessionId: string): void {
    socket.data.sessions.delete(sessionId);
    void socket.leave(sessionRoom(sessionId));
  }

  leave(socket: GatewaySocket, sessionId: string): boolean {
    const joined = socket.data.sessions.delete(sessionId);
    void socket.leave(sessionRoom(sessionId));
    return joined;
  }

  /**
   * Before the sender's ack of `message`: the sender's socket has been sent every earlier message
   * of the session. With several message service instances, message N can be acknowledged by one
   * while N - 1, stored a moment earlier by another, is still on its way through the bus; the
   * room learns of the gap from the ack (and reads it if the event is late), and the ack waits
   * for it, at most `timeoutMs`.
   */
  async beforeAck(socket: GatewaySocket, message: ChatMessage, timeoutMs = 2000): Promise<void> {
    const state = socket.data.sessions.get(message.session_id);
    if (!state || state.pending || state.lastSeq >= message.seq - 1) return;
    this.sequencer.accept(message);
    await this.sequencer.reached(message.session_id, message.seq - 1, timeoutMs);
  }

  /** The socket's ack went out: what waited behind the message it carried follows it. */
  ackSent(socket: GatewaySocket): void {
    for (const state of socket.data.sessions.values()) {
      const held = state.heldForAck;
      if (!held) continue;
      state.heldForAck = null;
      held.forEach((m) => this.sendTo(socket, m));
    }
  }

  /** A message event (already deduplicated by event id). */
  handleMessage(event: EventEnvelope<'message.created'>): void {
    this.sequencer.accept(event.data.message);
  }

  private deliver(message: ChatMessage): void {
    const room = this.deps.io.of('/').adapter.rooms.get(sessionRoom(message.session_id));
    if (!room) return;
    for (const socketId of room) {
      const socket = this.deps.io.of('/').sockets.get(socketId);
      if (socket) this.sendTo(socket, message);
    }
  }

  private sendTo(socket: GatewaySocket, message: ChatMessage): void {
    const state = socket.data.sessions.get(message.session_id);
    if (!state) return;
    if (state.pending) {
      state.pending.push(message);
      return;
    }
    if (state.heldForAck) {
      state.heldForAck.push(message);
      return;
    }
    if (message.seq <= state.lastSeq) return;
    state.lastSeq = message.seq;
    // A private note is staff's alone; the seq still counts as delivered, so nothing waits on it.
    if (message.message_type === 'note' && !seesNotes(socket.data.identity.role)) return;
    // The sender's ack carries it (message.gateway.ts); until the ack is out, later messages wait for it.
    const own = `${message.session_id}:${message.temp_id}`;
    if (message.temp_id !== null && message.sender_id === socket.data.identity.userId && socket.data.ownSends.delete(own)) {
      if (socket.data.acksDue.has(own)) state.heldForAck = [];
      return;
    }
    socket.emit('new_message', { message });
    metrics.socketEventsOut.inc({ event: 'new_message' });
  }
}
