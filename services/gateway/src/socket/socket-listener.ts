import type { GatewaySocket } from './socket.types';

/**
 * A listener for a socket's events that the gateway makes once and gives to every socket:
 * EventEmitter (and socket.io's `onAny`) call a listener with its socket as `this`, and this hands
 * it on to `handle` as its first argument. A socket then costs an entry in its listeners, not a
 * closure and its context of its own (docs/architecture.md, "Reconnect storms").
 */
export function socketListener<Args extends unknown[]>(handle: (socket: GatewaySocket, ...args: Args) => void): (this: GatewaySocket, ...args: Args) => void {
  return function (this: GatewaySocket, ...args: Args) {
    handle(this, ...args);
  };
}
