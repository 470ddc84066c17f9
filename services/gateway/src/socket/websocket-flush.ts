import type { Socket as NetSocket } from 'node:net';
import { Socket as EngineSocket, transports } from 'engine.io';

type Packets = Parameters<InstanceType<typeof transports.websocket>['send']>[0];

interface WebSocketTransport {
  /** The `ws` WebSocket under the transport; its `_socket` is the TCP socket. */
  socket?: { _socket?: NetSocket; readyState: number };
  writable: boolean;
  onError(message: string, description?: string): void;
}

/** `ws`'s readyState of an open WebSocket. */
const WS_OPEN = 1;

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

/** Whether the code running now delivers events (`flushingSoon`). */
let deliveringEvents = false;

/**
 * Runs `deliver` (synchronous: a bus handler handing events to sockets) so that a socket it emits
 * to is flushed as soon as the code running now returns (a microtask), not at the end of the tick.
 * The all-in-one's bus hands a committed message out while its sender's answer is still to climb
 * back through the services' layers, all of it microtasks of the same tick: flushed at the end of
 * the tick, the message would wait for that answer on its way to the others.
 */
export function flushingSoon<T>(deliver: () => T): T {
  const outer = deliveringEvents;
  deliveringEvents = true;
  try {
    return deliver();
  } finally {
    deliveringEvents = outer;
  }
}

/**
 * The first emit of a tick schedules the socket's flush with `process.nextTick`, which runs as soon
 * as the code that emits returns and the promises it settled have run, before any I/O or timer:
 * natural batching, no wait (an event and the ack after it leave in one write). An emit in
 * `flushingSoon` schedules it as a microtask instead. Polling clients flush as engine.io does.
 */
function flushOncePerTick(): void {
  const prototype = EngineSocket.prototype as unknown as { flush(this: FlushingSocket): void };
  const flush = prototype.flush;
  prototype.flush = function flushAtEndOfTick(this: FlushingSocket): void {
    if (this.transport?.name !== 'websocket') return flush.call(this);
    if (this[FLUSH_DUE]) return;
    this[FLUSH_DUE] = true;
    (deliveringEvents ? queueMicrotask : process.nextTick)(() => {
      this[FLUSH_DUE] = false;
      flush.call(this);
    });
  };
}

/**
 * Corks the TCP socket around each flush, so its frames leave together in one `writev`; the flush
 * is synchronous. A flush to a WebSocket already closing (its client's close frame came in; the
 * transport hears of it when the TCP socket closes) fails as `ws` would fail it, and engine.io
 * closes the socket as after any write error, but without the Error `ws` would make and whose
 * stack engine.io formats, about 0.2 ms with source maps on: when thousands of clients drop at
 * once, their sockets are sent the others' departures.
 */
function corkEachFlush(): void {
  const prototype = transports.websocket.prototype as unknown as { send(this: WebSocketTransport, packets: Packets): void };
  const send = prototype.send;
  prototype.send = function corkedSend(this: WebSocketTransport, packets: Packets): void {
    if (this.socket && this.socket.readyState !== WS_OPEN) {
      this.writable = false;
      // On the next tick, as `ws` answers a send it refuses: engine.io finishes its flush first.
      return void process.nextTick(() => this.onError('write error', 'WebSocket is not open'));
    }
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
