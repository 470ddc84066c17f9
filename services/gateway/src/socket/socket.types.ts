import type { Server, Socket } from 'socket.io';
import type { ChatMessage, ClientToServerEvents, Identity, ServerToClientEvents } from '@parley/contracts';
import type { SocketRef } from '../domain/gateway.ports';

/** Where a socket stands in one session it joined. */
export interface JoinedSession {
  /** The highest seq this socket has been sent; anything at or below it is a duplicate. */
  lastSeq: number;
  /** Messages that arrived while the join was being answered; sent right after `session_joined`. */
  pending: ChatMessage[] | null;
  /**
   * Messages after one of the socket's own that went by before its ack: sent right after the ack,
   * which carries it, so the client sees them in seq order (delivery/session-rooms.ts).
   */
  heldForAck?: ChatMessage[] | null;
}

export interface SocketData {
  identity: Identity;
  /** This socket as the presence service knows it (this gateway's id and the socket's). */
  ref: SocketRef;
  sessions: Map<string, JoinedSession>;
  /** When the handshake's token expires (ms since the epoch): the socket is closed then. */
  expiresAt: number;
  /**
   * Its sends answered by ack whose `new_message` echo has not come yet (`session_id:temp_id`):
   * the echo is skipped, the ack carried the message. A few dozen at most.
   */
  ownSends: Set<string>;
  /** Of those, the ones whose ack has not gone out yet. */
  acksDue: Set<string>;
  /** Session id → when this socket last announced typing there (domain/typing.service.ts). */
  typing: Map<string, number>;
  /** The socket's events run one after another, in the order the client sent them. */
  queue: Promise<void>;
  /**
   * Whether the presence service was told of this socket: a staff socket at once (agents online),
   * a customer's or restaurant's at its first join (nothing shows a requester who is in no chat),
   * so a reconnect storm of requesters costs presence their joins, not a write per connect as well.
   */
  presenceKnown: boolean;
}

export type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const SESSION_ROOM_PREFIX = 'session:';
