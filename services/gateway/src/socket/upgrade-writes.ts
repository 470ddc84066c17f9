import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'socket.io';

interface EngineSocket {
  transport?: { socket?: { _socket?: Duplex } };
}

/**
 * Sends a WebSocket upgrade's `101 Switching Protocols` and engine.io's open packet in one system
 * call instead of two. `ws` writes the 101 as soon as it accepts the upgrade; engine.io's open
 * packet follows a promise later (its handshake awaits the id), flushed at the end of that tick
 * (websocket-flush.ts). The TCP socket is corked when the upgrade is accepted (engine.io's
 * `initial_headers`, just before the 101 is written; a refused upgrade is never corked) and
 * uncorked right after that flush: in the tick of engine.io's `connection` event, or at the latest
 * when the event loop's turn ends (`setImmediate`). The corked sockets are kept in a WeakSet, not
 * marked: a property added to some sockets would give them a shape of their own and slow every
 * socket's writes. In a reconnect storm each saved write is a wake-up of the client less and a
 * system call less on a busy gateway (docs/architecture.md, "Socket writes").
 */
export function writeUpgradeWithOpenPacket(io: Server): void {
  const corked = new WeakSet<Duplex>();
  const uncork = (socket: Duplex) => {
    if (corked.delete(socket)) socket.uncork();
  };
  io.engine.on('initial_headers', (_headers: unknown, request: http.IncomingMessage) => {
    const socket = request.socket;
    if (!request.headers.upgrade || corked.has(socket)) return;
    socket.cork();
    corked.add(socket);
    setImmediate(() => uncork(socket));
  });
  io.engine.on('connection', (engineSocket: EngineSocket) => {
    const socket = engineSocket.transport?.socket?._socket;
    // After the open packet's flush, which its sending scheduled on the same queue before this.
    if (socket && corked.has(socket)) process.nextTick(() => uncork(socket));
  });
}
