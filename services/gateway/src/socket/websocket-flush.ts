import type { Socket as NetSocket } from 'node:net';
import { Socket as EngineSocket, transports } from 'engine.io';

type Packets = Parameters<InstanceType<typeof transports.websocket>['send']>[0];

interface WebSocketTransport {
  /** The `ws` WebSocket under the transport; its `_socket` is the TCP socket. */
  socket?: { _socket?: NetSocket };
}

const FLUSH_DUE = Symbol('parley.flushDue');

interface FlushingSocket {
  transport?: { name?: string };
  [FLUSH_DUE]?: boolean;
}

const INSTALLED = Symbol.for('parley.websocketWritesBatched');

/**
 * Makes what one tick emits to a WebSocket client one system call (installed once per process,
 * for every engine.io server in it). engine.io flushes at a socket's first emit and queues the
 * rest of the tick behind that write, and `ws` writes each packet's frame on its own: a socket
 * that gets several events together (a message and the end of its sender's typing indicator, the
 * events of one broker envelope, every queue change an agent hears) cost a write per event. Why
 * patches and not options: docs/architecture.md ("Socket writes").
 */
export function batchWebSocketWrites(): void {
  const installed = EngineSocket.prototype as unknown as Record<symbol, boolean>;
  if (installed[INSTALLED]) return;
  flushOncePerTick();
  corkEachFlush();
  installed[INSTALLED] = true;
}

/**
 * The first emit of a tick schedules the socket's flush with `process.nextTick`, which runs as soon
 * as the code that emits returns, before any I/O or timer: natural batching, no wait. Polling
 * clients flush as engine.io does.
 */
function flushOncePerTick(): void {
  const prototype = EngineSocket.prototype as unknown as { flush(this: FlushingSocket): void };
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
}

/** Corks the TCP socket around each flush, so its frames leave together in one `writev`; the flush is synchronous. */
function corkEachFlush(): void {
  const prototype = transports.websocket.prototype as unknown as { send(this: WebSocketTransport, packets: Packets): void };
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
}
