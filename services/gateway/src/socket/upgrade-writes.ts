import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'socket.io';

const UPGRADE_CORKED = Symbol('parley.upgradeCorked');

type CorkedSocket = Duplex & { [UPGRADE_CORKED]?: boolean };

interface EngineSocket {
  transport?: { socket?: { _socket?: CorkedSocket } };
}

/**
 * Sends a WebSocket upgrade's `101 Switching Protocols` and engine.io's open packet in one system
 * call instead of two. `ws` writes the 101 as soon as it accepts the upgrade; engine.io's open
 * packet follows a promise later (its handshake awaits the id), flushed at the end of that tick
 * (websocket-flush.ts). The TCP socket is corked when the upgrade arrives and uncorked right
 * after that flush: in the tick of engine.io's `connection` event, or at the latest when the
 * event loop's turn ends (`setImmediate`), or before the socket is destroyed, so a refused or
 * failed upgrade's answer is neither held nor lost. In a
 * reconnect storm each saved write is a wake-up of the client less and a system call less on a
 * busy gateway (docs/architecture.md, "Socket writes").
 */
export function writeUpgradeWithOpenPacket(httpServer: http.Server, io: Server): void {
  httpServer.prependListener('upgrade', (_request: http.IncomingMessage, socket: CorkedSocket) => {
    socket.cork();
    socket[UPGRADE_CORKED] = true;
    setImmediate(() => uncork(socket));
    // A refused upgrade is answered and destroyed at once: what is corked goes out first, not lost.
    const destroy = socket.destroy.bind(socket);
    socket.destroy = (error?: Error) => {
      uncork(socket);
      return destroy(error);
    };
  });
  io.engine.on('connection', (engineSocket: EngineSocket) => {
    const socket = engineSocket.transport?.socket?._socket;
    // After the open packet's flush, which its sending scheduled on the same queue before this.
    if (socket?.[UPGRADE_CORKED]) process.nextTick(() => uncork(socket));
  });
}

function uncork(socket: CorkedSocket): void {
  if (!socket[UPGRADE_CORKED]) return;
  socket[UPGRADE_CORKED] = false;
  socket.uncork();
}
