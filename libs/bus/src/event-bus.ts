import type { EventEnvelope, EventTrait } from '@parley/contracts';

export type EventHandler = (event: EventEnvelope) => Promise<void> | void;

export interface SubscriptionOptions {
  /** Queue name. Exclusive queues belong to one process (a gateway); shared ones have competing consumers. */
  queue: string;
  exclusive: boolean;
  /** Routing-key patterns to bind from the start (`*` one word, `#` any number). */
  patterns?: string[];
  /**
   * When the handler throws, hand the event back for another try after `retryDelayMs` instead of
   * dropping it: for consumers whose work must not be lost (a database write).
   */
  retryFailed?: boolean;
  retryDelayMs?: number;
  /**
   * Only events with every one of these traits (`traitsOf`) of those the patterns match: the
   * broker filters, so the consumer is not woken for the rest.
   */
  withTraits?: EventTrait[];
  /**
   * A shared queue's events that waited this long are dropped (RabbitMQ `x-message-ttl`): for
   * signals worth nothing late (typing), so a consumer that is away does not come back to a
   * backlog. The in-process bus holds nothing that long.
   */
  messageTtlMs?: number;
}

/** A queue with its consumer; its bindings change while it runs (a gateway's rooms). */
export interface Subscription {
  bind(pattern: string): Promise<void>;
  unbind(pattern: string): Promise<void>;
  /** Called each time the queue is (re)established after a broker outage; events may have been missed. */
  onReestablished(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * The event bus: a topic exchange. Two implementations share these semantics: RabbitMQ (amqp-bus)
 * and in-process (memory-bus), so the all-in-one mode runs without a broker.
 */
export interface EventBus {
  /** Resolves once the broker has confirmed the event; rejects if it cannot within its timeout. */
  publish(event: EventEnvelope): Promise<void>;
  /**
   * Publishes the events back to back, in order, persistent, and resolves once the broker has
   * confirmed every one of them (one wait for the batch); rejects if any was not confirmed (some
   * may have been: the caller publishes them again, delivery is at least once).
   */
  publishMany(events: EventEnvelope[]): Promise<void>;
  /**
   * Best effort, for ephemeral signals (typing): not persistent, no confirm, never queued behind
   * confirmed events, never throws. Dropped (and counted) while the bus is not connected.
   */
  publishTransient(events: EventEnvelope[]): void;
  subscribe(options: SubscriptionOptions, handler: EventHandler): Promise<Subscription>;
  isConnected(): boolean;
  close(): Promise<void>;
}
