import type { Socket as NetSocket } from 'node:net';
import { Socket as EngineSocket, transports } from 'engine.io';

type Packets = Parameters<InstanceType<typeof transports.websocket>['send']>[0];

interface WebSocketTransport {
  /** The `ws` WebSocket under the transport; its `_socket` is the TCP socket. */
  socket?: { _socket?: NetSocket };
}

const INSTALLED = Symbol.for('parley.websocketFlushCorked');
const TICK_FLUSH_INSTALLED = Symbol.for('parley.websocketFlushPerTick');
const FLUSH_DUE = Symbol('parley.flushDue');

interface FlushingSocket {
  transport?: { name?: string };
  [FLUSH_DUE]?: boolean;
  flush(): void;
}

/**
 * Makes each flush of an engine.io WebSocket one write to the TCP socket, whatever the number of
 * packets in it. engine.io queues what is emitted to a socket while its previous write is under way
 * and sends the queue as one flush, but `ws` writes each packet's frame on its own, one system call
 * per packet: the bulk of a gateway's CPU when many events go to the same sockets (every agent gets
 * every queue change). Corking the socket around the flush sends the frames together in one
 * `writev`; the flush is synchronous, so nothing waits longer than it did. Why a patch and not an
 * option: docs/architecture.md ("Socket writes").
 */
export function corkWebSocketFlushes(): void {
  const prototype = transports.websocket.prototype as unknown as Record<symbol, boolean> & {
    send(this: WebSocketTransport, packets: Packets): void;
  };
  if (prototype[INSTALLED]) return;
  const send = prototype.send;
  prototype.send = function corkedSend(this: WebSocketTransport, packets: Packets): void {
    const tcp = this.socket?._socket;
    if (packets.length < 2 || !tcp || typeof tcp.cork !== 'function') return send.call(this, packets);
    tcp.cork();
    try {
      send.call(this, packets);
    } finally {
      tcp.uncork();
    }
  };
  prototype[INSTALLED] = true;
}

/**
 * Makes what one tick emits to a WebSocket client one flush: engine.io flushes at the first emit and
 * queues the rest of the tick behind that write, so a socket that gets two events together (a
 * message and the end of its sender's typing indicator, several events of one broker envelope)
 * costs two writes. Here the first emit of a tick schedules the flush with `process.nextTick`, which
 * runs as soon as the code that emits returns, before any I/O or timer: natural batching, no wait.
 * Polling clients flush as engine.io does. Why a patch: docs/architecture.md ("Socket writes").
 */
export function flushWebSocketsOncePerTick(): void {
  const prototype = EngineSocket.prototype as unknown as Record<symbol, boolean> & { flush(this: FlushingSocket): void };
  if (prototype[TICK_FLUSH_INSTALLED]) return;
  const flush = prototype.flush;
  prototype.flush = function flushAtEndOfTick(this: FlushingSocket): void {
    if (this.transport?.name !== 'websocket') return flush.call(this);
    if (this[FLUSH_DUE]) return;
    this[FLUSH_DUE] = true;
    process.nextTick(() => {
      this[FLUSH_DUE] = false;
      flush.call(this);
    });
  };
  prototype[TICK_FLUSH_INSTALLED] = true;
}
