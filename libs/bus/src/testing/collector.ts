import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayloads } from '@parley/contracts';
import type { EventHandler } from '../event-bus';

/** An event on `routingKey` (its type does not matter to the bus). */
export function eventOn(routingKey: string): EventEnvelope {
  const data = {} as EventPayloads['session.created'];
  return { id: randomUUID(), type: 'session.created', routing_key: routingKey, occurred_at: new Date().toISOString(), data };
}

/** A message.created, with or without a file (the `has_attachments` trait). */
export function messageEventOn(routingKey: string, withFile: boolean): EventEnvelope {
  const message = { id: randomUUID(), attachments: withFile ? [{ id: randomUUID() }] : [] } as unknown as EventPayloads['message.created']['message'];
  return { id: randomUUID(), type: 'message.created', routing_key: routingKey, occurred_at: new Date().toISOString(), data: { message } };
}

export interface Collector {
  events: EventEnvelope[];
  keys(): string[];
  handler: EventHandler;
  /** Resolves once `n` events have arrived, or rejects after `ms`. */
  waitFor(n: number, ms?: number): Promise<EventEnvelope[]>;
}

/** A handler that records what it receives. */
export function collector(): Collector {
  const events: EventEnvelope[] = [];
  const waiters = new Set<() => void>();
  return {
    events,
    keys: () => events.map((e) => e.routing_key),
    handler: (e) => {
      events.push(e);
      waiters.forEach((wake) => wake());
    },
    waitFor: (n, ms = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (events.length < n) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...events]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`got ${events.length} of ${n} events: ${events.map((e) => e.routing_key).join(', ')}`));
        }, ms);
        waiters.add(check);
        check();
      }),
  };
}
