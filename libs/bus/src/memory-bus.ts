import { traitsOf, type EventEnvelope, type EventTrait } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { lagObserver, metrics } from '@parley/metrics';
import type { EventBus, EventHandler, Subscription, SubscriptionOptions } from './event-bus';
import { TopicIndex } from './topic-index';

interface Queue {
  name: string;
  exclusive: boolean;
  patterns: Set<string>;
  consumers: EventHandler[];
  next: number;
  /** Failed deliveries are retried after this delay (SubscriptionOptions.retryFailed). */
  retry: { delayMs: number } | null;
  /** Only events with all of these (SubscriptionOptions.withTraits). */
  traits: EventTrait[];
  /** Routed to the queue, not yet handed to a consumer. */
  ready: EventEnvelope[];
  /** False once the queue is gone (its last consumer closed, or the bus did): what it held is dropped. */
  open: boolean;
  observeLag: (event: EventEnvelope) => void;
}

/**
 * Turns a transient event waits: the gateway's send batch leaves at the end of the turn it arrived
 * in (NaturalBatcher), the message service's batch it starts at the end of the next, and the
 * signal is handed out on the turn after, while the statement runs.
 */
const TRANSIENT_TURNS = 3;

const counted = { transient: metrics.busPublished.labels('transient'), dropped: metrics.busPublished.labels('dropped') };

/**
 * The in-process bus for the all-in-one mode: RabbitMQ's topic-exchange semantics (one copy per
 * bound queue, competing consumers on a shared queue, asynchronous delivery) without a broker.
 * Bindings live in a trie (`TopicIndex`), so a publish costs the same with ten bindings or ten
 * thousand. What a publish routes is handed out once the publisher yields (a microtask), so a
 * committed message reaches the gateways' sockets before its sender's answer travels back up its
 * layers. A transient publish (typing) is routed at once but handed out three turns of the event
 * loop later (`TRANSIENT_TURNS`), unless a pass for a durable event takes it sooner: a client's
 * `typing` read together with its `send_message` leaves the message's way to the database free.
 * Each pass hands out every queue's ready events, in the order they were published, so a typing
 * event still reaches a gateway before the message it preceded.
 */
export class MemoryBus implements EventBus {
  private readonly queues = new Map<string, Queue>();
  private readonly bindings = new TopicIndex<Queue>();
  /** Queues with events ready, handed out by one pass for all of them. */
  private readonly due = new Set<Queue>();
  /** A pass is queued for when the publisher yields (durable events). */
  private passSoon = false;
  /** A pass is on its way through the turns (transient events only). */
  private passLater: NodeJS.Immediate | null = null;
  private closed = false;

  constructor(private readonly logger: Logger) {}

  async publish(event: EventEnvelope): Promise<void> {
    return this.publishMany([event]);
  }

  async publishMany(events: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    if (this.route(events)) this.deliverSoon();
  }

  publishTransient(events: EventEnvelope[]): void {
    if (this.closed) return void counted.dropped.inc(events.length);
    counted.transient.inc(events.length);
    if (this.route(events)) this.deliverLater();
  }

  async subscribe({ queue: name, exclusive, patterns = [], retryFailed, retryDelayMs = 1000, withTraits = [] }: SubscriptionOptions, handler: EventHandler): Promise<Subscription> {
    if (this.closed) throw new Error('The event bus is closed');
    let queue = this.queues.get(name);
    if (queue && (exclusive || queue.exclusive)) throw new Error(`Queue ${name} is exclusive to another consumer`);
    if (!queue) {
      queue = {
        name,
        exclusive,
        patterns: new Set(),
        consumers: [],
        next: 0,
        retry: retryFailed ? { delayMs: retryDelayMs } : null,
        traits: withTraits,
        ready: [],
        open: true,
        observeLag: lagObserver(exclusive ? 'exclusive' : name),
      };
      this.queues.set(name, queue);
    }
    const q = queue;
    patterns.forEach((pattern) => this.bind(q, pattern));
    // One entry per subscription, even when the same handler subscribes twice.
    const consumer: EventHandler = (event) => handler(event);
    q.consumers.push(consumer);
    return {
      bind: async (pattern) => this.bind(q, pattern),
      unbind: async (pattern) => {
        if (q.patterns.delete(pattern)) this.bindings.unbind(pattern, q);
      },
      // The in-process bus never loses its connection.
      onReestablished: () => undefined,
      close: async () => {
        q.consumers = q.consumers.filter((c) => c !== consumer);
        // Only this queue: a later one of the same name is not ours to delete.
        if (q.consumers.length === 0 && this.queues.get(name) === q) this.remove(q);
      },
    };
  }

  isConnected(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    [...this.queues.values()].forEach((queue) => this.remove(queue));
    if (this.passLater) clearImmediate(this.passLater);
    this.passLater = null;
  }

  private bind(queue: Queue, pattern: string): void {
    if (!queue.open || queue.patterns.has(pattern)) return;
    queue.patterns.add(pattern);
    this.bindings.bind(pattern, queue);
  }

  private remove(queue: Queue): void {
    queue.open = false;
    queue.patterns.forEach((pattern) => this.bindings.unbind(pattern, queue));
    queue.patterns.clear();
    queue.ready = [];
    this.queues.delete(queue.name);
  }

  /** Routed now, by the bindings at publish time, to be handed out by a pass; whether any queue took one. */
  private route(events: EventEnvelope[]): boolean {
    let routed = false;
    const matched = new Set<Queue>();
    for (const event of events) {
      matched.clear();
      this.bindings.match(event.routing_key, matched);
      let traits: EventTrait[] | undefined;
      for (const queue of matched) {
        if (queue.traits.length > 0) {
          traits ??= traitsOf(event);
          const has = traits;
          if (!queue.traits.every((trait) => has.includes(trait))) continue;
        }
        this.enqueue(queue, event);
        routed = true;
      }
    }
    return routed;
  }

  private enqueue(queue: Queue, event: EventEnvelope): void {
    queue.ready.push(event);
    this.due.add(queue);
  }

  private deliverSoon(): void {
    if (this.passSoon) return;
    this.passSoon = true;
    queueMicrotask(() => {
      this.passSoon = false;
      if (!this.closed) this.deliver();
    });
  }

  private deliverLater(): void {
    if (this.passLater) return;
    let turns = TRANSIENT_TURNS;
    const turn = () => {
      if (--turns > 0) return void (this.passLater = setImmediate(turn));
      this.passLater = null;
      this.deliver();
    };
    this.passLater = setImmediate(turn);
  }

  /**
   * Hands every ready event to a consumer of its queue (round robin on a shared queue). Like a
   * broker, nothing reaches a consumer that closed (or a bus that closed) since the publish.
   */
  private deliver(): void {
    const due = [...this.due];
    this.due.clear();
    for (const queue of due) {
      const events = queue.ready;
      queue.ready = [];
      for (const event of events) {
        if (!queue.open) break;
        const consumer = queue.consumers[queue.next++ % queue.consumers.length];
        queue.observeLag(event);
        this.handOver(queue, consumer, event);
      }
    }
  }

  private handOver(queue: Queue, consumer: EventHandler, event: EventEnvelope): void {
    const failed = (error: unknown) => {
      this.logger.error({ err: error, queue: queue.name, eventId: event.id }, 'event handler failed');
      if (!queue.retry) return;
      setTimeout(() => {
        if (!queue.open) return;
        this.enqueue(queue, event);
        this.deliverSoon();
      }, queue.retry.delayMs).unref();
    };
    try {
      const handled = consumer(event);
      if (handled) handled.then(undefined, failed);
    } catch (error) {
      failed(error);
    }
  }
}
