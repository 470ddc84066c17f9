import { traitsOf, type EventEnvelope, type EventTrait } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { observeLag } from '@parley/metrics';
import type { EventBus, EventHandler, Subscription, SubscriptionOptions } from './event-bus';
import { topicMatches } from './topic-pattern';

interface Queue {
  exclusive: boolean;
  patterns: Set<string>;
  consumers: EventHandler[];
  next: number;
  /** Failed deliveries are retried after this delay (SubscriptionOptions.retryFailed). */
  retry: { delayMs: number } | null;
  /** Only events with all of these (SubscriptionOptions.withTraits). */
  traits: EventTrait[];
}

/**
 * The in-process bus for the all-in-one mode: RabbitMQ's topic-exchange semantics (one copy per
 * bound queue, competing consumers on a shared queue, asynchronous delivery) without a broker.
 */
export class MemoryBus implements EventBus {
  private readonly queues = new Map<string, Queue>();
  private closed = false;

  constructor(private readonly logger: Logger) {}

  async publish(event: EventEnvelope): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    const traits = traitsOf(event);
    for (const [name, queue] of this.queues) {
      if (queue.consumers.length === 0) continue;
      // Routed now (the bindings at publish time), handed to a consumer when delivered: like a
      // broker, nothing reaches a consumer that was closed (or a bus that was closed) meanwhile.
      if (![...queue.patterns].some((pattern) => topicMatches(pattern, event.routing_key))) continue;
      if (!queue.traits.every((trait) => traits.includes(trait))) continue;
      const deliver = () => {
        if (this.closed || this.queues.get(name) !== queue || queue.consumers.length === 0) return;
        const consumer = queue.consumers[queue.next++ % queue.consumers.length];
        observeLag(queue.exclusive ? 'exclusive' : name, event);
        Promise.resolve()
          .then(() => consumer(event))
          .catch((error: unknown) => {
            this.logger.error({ err: error, queue: name, eventId: event.id }, 'event handler failed');
            if (queue.retry) setTimeout(deliver, queue.retry.delayMs).unref();
          });
      };
      setImmediate(deliver);
    }
  }

  async subscribe({ queue: name, exclusive, patterns = [], retryFailed, retryDelayMs = 1000, withTraits = [] }: SubscriptionOptions, handler: EventHandler): Promise<Subscription> {
    if (this.closed) throw new Error('The event bus is closed');
    let queue = this.queues.get(name);
    if (queue && (exclusive || queue.exclusive)) throw new Error(`Queue ${name} is exclusive to another consumer`);
    if (!queue) {
      queue = { exclusive, patterns: new Set(), consumers: [], next: 0, retry: retryFailed ? { delayMs: retryDelayMs } : null, traits: withTraits };
      this.queues.set(name, queue);
    }
    const q = queue;
    patterns.forEach((p) => q.patterns.add(p));
    // One entry per subscription, even when the same handler subscribes twice.
    const consumer: EventHandler = (event) => handler(event);
    q.consumers.push(consumer);
    return {
      bind: async (pattern) => void q.patterns.add(pattern),
      unbind: async (pattern) => void q.patterns.delete(pattern),
      // The in-process bus never loses its connection.
      onReestablished: () => undefined,
      close: async () => {
        q.consumers = q.consumers.filter((c) => c !== consumer);
        // Only this queue: a later one of the same name is not ours to delete.
        if (q.consumers.length === 0 && this.queues.get(name) === q) this.queues.delete(name);
      },
    };
  }

  isConnected(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queues.clear();
  }
}
