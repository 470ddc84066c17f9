import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { metrics } from '@parley/metrics';

/** Handshakes begun per turn unless configured (`WS_HANDSHAKES_PER_TURN`); chosen by the storm benchmark (docs/performance.md). */
export const DEFAULT_HANDSHAKES_PER_TURN = 32;

type UpgradeListener = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => void;

interface WaitingUpgrade {
  request: http.IncomingMessage;
  socket: Duplex;
  head: Buffer;
  onError: () => void;
}

/**
 * Begins at most `perTurn` WebSocket handshakes per turn of the event loop; the rest wait, in the
 * order they came, for the next turns. In a reconnect storm thousands of upgrade requests arrive
 * at once, and begun all at once (the 101, engine.io's open, the token, the connection's handlers)
 * they would run ahead of every join, message and answer of the sockets already connected, which
 * then wait for the whole storm's handshakes. Paced, each turn first reads what arrived (the
 * connected sockets' events, the services' answers), then begins a few handshakes at its end
 * (`setImmediate`): a turn is as long as the work it holds, so no timer sets the pace. A waiting
 * request costs its TCP socket and parsed headers; the client waits for its `101` as for a slow
 * server. Must run after socket.io has attached its `upgrade` listener, which it takes over.
 * docs/architecture.md ("Reconnect storms").
 */
export function paceUpgrades(httpServer: http.Server, perTurn: number): void {
  const listeners = httpServer.listeners('upgrade') as UpgradeListener[];
  httpServer.removeAllListeners('upgrade');
  const waiting: WaitingUpgrade[] = [];
  let scheduled = false;

  const begin = ({ request, socket, head, onError }: WaitingUpgrade) => {
    socket.off('error', onError);
    for (const listener of listeners) listener.call(httpServer, request, socket, head);
  };
  const beginSome = () => {
    scheduled = false;
    for (let begun = 0; begun < perTurn && waiting.length > 0; ) {
      const upgrade = waiting.shift() as WaitingUpgrade;
      if (upgrade.socket.destroyed) continue;
      begin(upgrade);
      begun += 1;
    }
    metrics.handshakesWaiting.set(waiting.length);
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(beginSome);
  };

  httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node's HTTP server has let go of the socket: a reset while it waits must not go unheard.
    const onError = () => socket.destroy();
    socket.on('error', onError);
    waiting.push({ request, socket, head, onError });
    metrics.handshakesWaiting.set(waiting.length);
    schedule();
  });
}
