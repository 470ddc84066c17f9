import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { Channel, ConsumeMessage } from 'amqplib';
import { traitsOf, type EventEnvelope } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { lagObserver } from '@parley/metrics';
import { ENVELOPE_TYPE, unpackEnvelope } from './amqp-envelope';
import { traitFilterExchange, traitHeaders } from './amqp-traits';
import { BindingChannels } from './binding-channels';
import { BulkAcker } from './bulk-acker';
import type { EventHandler, Subscription, SubscriptionOptions } from './event-bus';
import { TopicIndex } from './topic-index';

/** How long close() waits for the handlers running to finish. */
const CLOSE_GRACE_MS = 5000;

export interface AmqpSubscriptionContext {
  connection: AmqpConnectionManager;
  exchange: string;
  logger: Logger;
  /** Unacknowledged deliveries the broker lets the consumer hold: large enough for batches to flow. */
  prefetch: number;
  /** BulkAcker's linger (ms). */
  ackLingerMs: number;
}

/**
 * A queue bound to the exchange by its patterns, with its consumer, on a channel of its own that
 * amqp-connection-manager re-creates (queue, bindings, consumer) after an outage. With
 * `withTraits`, the queue sits behind a headers exchange of its own (`<queue>.filter`, bound to
 * the exchange by the patterns, the queue bound to it by the traits), so the broker drops the
 * events without them. Deliveries are acked in bulk (`BulkAcker`).
 */
export async function subscribeAmqp(
  { connection, exchange, logger, prefetch, ackLingerMs }: AmqpSubscriptionContext,
  { queue, exclusive, patterns = [], retryFailed = false, retryDelayMs = 1000, withTraits, messageTtlMs }: SubscriptionOptions,
  handler: EventHandler,
): Promise<Subscription> {
  const bound = new Set(patterns);
  // What an envelope's events are checked against: it reaches the queue if any of them is bound.
  const boundIndex = new TopicIndex<string>();
  for (const pattern of bound) boundIndex.bind(pattern, pattern);
  const wanted = (routingKey: string) => boundIndex.matches(routingKey);
  const hasTraits = (event: EventEnvelope) => !withTraits?.length || withTraits.every((trait) => traitsOf(event).includes(trait));
  const listeners: Array<() => void> = [];
  let established = 0;
  let closed = false;
  // The acker of the current channel: a message is acked on the channel that delivered it.
  let acker: BulkAcker | undefined;
  const observeLag = lagObserver(exclusive ? 'exclusive' : queue);
  // The headers exchange in front of the queue, and what the queue binds it by.
  const filter = withTraits?.length ? { exchange: traitFilterExchange(queue), match: { 'x-match': 'all', ...traitHeaders(withTraits) } } : undefined;
  const channel = connection.createChannel({
    name: `consumer:${queue}`,
    confirm: false,
    setup: async (ch: Channel) => {
      // Delivery tags belong to a channel: acking an old one on the channel of a new connection is
      // a PRECONDITION_FAILED that closes it. After a reconnect the broker redelivers anyway.
      acker?.close();
      const own = new BulkAcker(ch, { lingerMs: ackLingerMs, flushAt: Math.max(1, Math.floor(prefetch / 2)) });
      acker = own;
      ch.once('close', () => own.close());
      await ch.assertExchange(exchange, 'topic', { durable: true });
      const expiry = messageTtlMs === undefined ? {} : { arguments: { 'x-message-ttl': messageTtlMs } };
      await ch.assertQueue(queue, exclusive ? { exclusive: true, autoDelete: true, durable: false, ...expiry } : { durable: true, ...expiry });
      await ch.prefetch(prefetch);
      if (filter) {
        await ch.assertExchange(filter.exchange, 'headers', exclusive ? { durable: false, autoDelete: true } : { durable: true });
        await ch.bindQueue(queue, filter.exchange, '', filter.match);
      }
      for (const pattern of bound) {
        if (!filter) {
          await ch.bindQueue(queue, exchange, pattern);
          continue;
        }
        await ch.bindExchange(filter.exchange, exchange, pattern);
        // A queue bound straight to the exchange before it asked for traits would still get everything.
        await ch.unbindQueue(queue, exchange, pattern);
      }
    },
  });
  channel.on('connect', () => {
    if (established++ > 0) listeners.forEach((listener) => listener());
  });
  channel.on('error', (err: Error) => logger.error({ err: err.message, queue }, 'consumer channel setup failed'));

  // Handlers running now: close() lets them finish, so what they handled is acked, not redelivered.
  const running = new Set<Promise<void>>();
  const consume = (message: ConsumeMessage) => {
    // After close() nothing reaches the handler; the broker requeues what the closed channel held.
    if (closed || !acker) return;
    const own = acker;
    const delivery = own.track(message);
    const events = eventsOf(message);
    if (events.length === 0) return own.done(delivery);
    handleAll(events, () => own.done(delivery), () => own.open);
  };
  /**
   * Hands the events to the handler, in order, and calls `done` once every one of them is handled.
   * With `retryFailed` those whose handler failed are handed again after `retryDelayMs` (so a
   * database outage does not spin), without the ones handled beside them; until then their
   * delivery stays outstanding and no bulk ack covers it. After close(), or once the channel that
   * delivered them is gone, nothing is retried: the broker hands what was not acked to the next
   * consumer (or this one, reconnected) whole.
   */
  const handleAll = (events: EventEnvelope[], done: () => void, deliverable: () => boolean) => {
    let pending = events.length;
    const failed: EventEnvelope[] = [];
    const settled = (event: EventEnvelope, error?: unknown) => {
      if (error !== undefined) {
        logger.error({ err: error, queue, eventId: event.id }, 'event handler failed');
        if (retryFailed) failed.push(event);
      }
      if (--pending > 0) return;
      if (failed.length === 0) return done();
      setTimeout(() => {
        if (!closed && deliverable()) handleAll(failed, done, deliverable);
      }, retryDelayMs);
    };
    for (const event of events) {
      observeLag(event);
      const handling = settle(handler, event, settled);
      if (!handling) continue;
      running.add(handling);
      void handling.finally(() => running.delete(handling));
    }
  };
  /** The events of a delivery this consumer wants (none of one that cannot be read: it is dropped). */
  const eventsOf = (message: ConsumeMessage): EventEnvelope[] => {
    if (message.properties.type === ENVELOPE_TYPE) {
      const { events, malformed } = unpackEnvelope(message.content, wanted);
      if (malformed > 0) logger.error({ queue, malformed }, 'dropping envelope lines that are not events');
      return events.filter(hasTraits);
    }
    try {
      return [JSON.parse(message.content.toString('utf8')) as EventEnvelope];
    } catch {
      logger.error({ queue }, 'dropping an event that is not JSON');
      return [];
    }
  };

  let setupFailed: (err: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (setupFailed = reject));
  channel.once('error', setupFailed);
  try {
    await Promise.race([
      (async () => {
        await channel.consume(queue, consume);
        await channel.waitForConnect();
      })(),
      failed,
    ]);
  } catch (error) {
    // E.g. an exclusive queue another connection holds (RESOURCE_LOCKED): refuse, do not hang.
    await channel.close().catch(() => undefined);
    throw error;
  } finally {
    channel.removeListener('error', setupFailed);
  }

  // Binds on their way to the broker: a second caller of the same pattern waits for the first's.
  const binding = new Map<string, Promise<void>>();
  const binders = new BindingChannels(connection, queue);
  const bindOn = async (pattern: string) => {
    const on = await binders.for(pattern);
    await (filter ? on.bindExchange(filter.exchange, exchange, pattern) : on.bindQueue(queue, exchange, pattern));
  };
  const unbindOn = async (pattern: string) => {
    const on = await binders.for(pattern);
    await (filter ? on.unbindExchange(filter.exchange, exchange, pattern) : on.unbindQueue(queue, exchange, pattern));
  };
  return {
    bind: async (pattern) => {
      if (bound.has(pattern)) return binding.get(pattern);
      bound.add(pattern);
      boundIndex.bind(pattern, pattern);
      // While disconnected the setup binds it on reconnect.
      const done: Promise<void> = bindOn(pattern)
        .then(
          () => undefined,
          (err: Error) => logger.warn({ err: err.message, pattern }, 'bind deferred'),
        )
        .finally(() => {
          if (binding.get(pattern) === done) binding.delete(pattern);
        });
      binding.set(pattern, done);
      await done;
    },
    unbind: async (pattern) => {
      if (!bound.delete(pattern)) return;
      boundIndex.unbind(pattern, pattern);
      await unbindOn(pattern).catch((err: Error) => logger.warn({ err: err.message, pattern }, 'unbind deferred'));
    },
    onReestablished: (listener) => void listeners.push(listener),
    close: async () => {
      closed = true;
      // What was handled is acked before the channel goes, so it is not delivered again; a handler
      // that hangs does not hold the close longer than a grace.
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
      await Promise.race([Promise.allSettled(running), grace]);
      clearTimeout(timer);
      acker?.flush();
      acker?.close();
      await binders.close();
      await channel.close();
    },
  };
}

/**
 * Runs the handler and reports how it ended (`error` undefined: handled); a synchronous handler
 * settles without a promise. Answers the asynchronous handling, if any.
 */
function settle(handler: EventHandler, event: EventEnvelope, settled: (event: EventEnvelope, error?: unknown) => void): Promise<void> | undefined {
  try {
    const handled = handler(event);
    if (!handled) return void settled(event);
    return handled.then(
      () => settled(event),
      (error: unknown) => settled(event, error ?? new Error('handler rejected')),
    );
  } catch (error) {
    settled(event, error ?? new Error('handler threw'));
    return undefined;
  }
}
