import type { ParleyClient, ParleyClientEvents } from '@parley/client';

export type ClientHandlers = { [E in keyof ParleyClientEvents]?: ParleyClientEvents[E] };

/** Subscribes to several client events at once; returns what unsubscribes them all. */
export function listen(chat: ParleyClient, handlers: ClientHandlers): () => void {
  const entries = Object.entries(handlers) as Array<[keyof ParleyClientEvents, never]>;
  entries.forEach(([event, handler]) => chat.on(event, handler));
  return () => entries.forEach(([event, handler]) => chat.off(event, handler));
}
