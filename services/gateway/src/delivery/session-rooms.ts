import { routingKeys, type ChatMessage, type EventEnvelope } from '@parley/contracts';
import { RecentIds, type Subscription } from '@parley/bus';
import type { Logger } from '@parley/logger';
import { deliverToOthers } from './presence-delivery';
import { RoomSequencer } from './room-sequencer';
import { SESSION_ROOM_PREFIX, sessionRoom, type GatewayServer, type GatewaySocket } from '../socket/socket.types';

export interface SessionRoomsDeps {
  io: GatewayServer;
  subscription: Subscription;
  fetchAfter(sessionId: string, afterSeq: number): Promise<ChatMessage[]>;
  logger: Logger;
}

/**
 * Connects the bus to Socket.io rooms: while this gateway has sockets in a session it binds the
 * session's routing keys, and each message event reaches each socket once, in seq order.
 */
export class SessionRooms {
  private readonly sequencer: RoomSequencer;
  private readonly seen = new RecentIds();

  constructor(private readonly deps: SessionRoomsDeps) {
    this.sequencer = new RoomSequencer({ fetchAfter: deps.fetchAfter, deliver: (m) => this.deliver(m), logger: deps.logger });
    deps.io.of('/').adapter.on('delete-room', (room: string) => {
      if (!room.startsWith(SESSION_ROOM_PREFIX)) return;
      const sessionId = room.slice(SESSION_ROOM_PREFIX.length);
      this.sequencer.close(sessionId);
      void deps.subscription.unbind(routingKeys.sessionPattern(sessionId));
    });
    deps.subscription.onReestablished(() => {
      deps.logger.info('event queue re-established; reading what the rooms missed');
      void this.sequencer.resyncAll();
    });
  }

  /** Subscribes the session (once per gateway) and puts the socket in its room, holding live messages. */
  async enter(socket: GatewaySocket, sessionId: string): Promise<void> {
    this.sequencer.open(sessionId);
    await this.deps.subscription.bind(routingKeys.sessionPattern(sessionId));
    const previous = socket.data.sessions.get(sessionId);
    socket.data.sessions.set(sessionId, { lastSeq: previous?.lastSeq ?? 0, pending: [] });
    await socket.join(sessionRoom(sessionId));
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

  handleEvent(event: EventEnvelope): void {
    if (!this.seen.firstTime(event.id)) return;
    if (event.type === 'message.created') {
      this.sequencer.accept((event as EventEnvelope<'message.created'>).data.message);
    } else deliverToOthers(this.deps.io, event);
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
    if (message.seq <= state.lastSeq) return;
    state.lastSeq = message.seq;
    socket.emit('new_message', { message });
  }
}
