import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { traitsOf, type EventEnvelope, type EventTrait } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { metrics, observeLag } from '@parley/metrics';
import type { EventBus, EventHandler, Subscription, SubscriptionOptions } from './event-bus';

/** An event's traits as AMQP headers a headers exchange matches (names starting `x-` would not be matched). */
const traitHeaders = (traits: EventTrait[]): Record<string, string> => Object.fromEntries(traits.map((trait) => [`parley-${trait}`, 'true']));

/** The headers exchange in front of a queue that takes only events with some traits. */
export const traitFilterExchange = (queue: string) => `${queue}.filter`;

export interface AmqpBusOptions {
  url: string;
  exchange: string;
  logger: Logger;
  /** How long a publish may wait for the broker's confirm before it fails (the outbox retries). */
  publishTimeoutMs?: number;
  prefetch?: number;
}

/**
 * RabbitMQ through amqp-connection-manager: it reconnects by itself and re-runs each channel's
 * setup, so exchanges, queues, bindings and consumers come back after an outage. Publishing uses
 * a confirm channel; a publish resolves only when the broker has taken the event.
 */
export class AmqpBus implements EventBus {
  private readonly connection: AmqpConnectionManager;
  private readonly publisher: ChannelWrapper;
  private connected = false;
  private closed = false;
  /** Exclusive queues this process consumes; a second consumer would share it, so it is refused. */
  private readonly exclusiveQueues = new Set<string>();

  constructor(private readonly options: AmqpBusOptions) {
    const { url, exchange, logger } = options;
    this.connection = amqp.connect([url], { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1 });
    this.connection.on('connect', () => {
      this.connected = true;
      logger.info('connected to RabbitMQ');
    });
    this.connection.on('disconnect', ({ err }) => {
      this.connected = false;
      logger.warn({ err: err?.message }, 'disconnected from RabbitMQ; reconnecting');
    });
    this.connection.on('connectFailed', ({ err }) => logger.warn({ err: err?.message }, 'cannot reach RabbitMQ; retrying'));
    this.publisher = this.connection.createChannel({
      name: 'publisher',
      confirm: true,
      publishTimeout: options.publishTimeoutMs ?? 5000,
      setup: (channel: ConfirmChannel) => channel.assertExchange(exchange, 'topic', { durable: true }),
    });
    // Without a listener a failed setup is re-thrown as an unhandled rejection (and the process dies).
    this.publisher.on('error', (err: Error) => logger.error({ err: err.message }, 'publisher channel setup failed'));
  }

  async publish(event: EventEnvelope): Promise<void> {
    try {
      await this.publishConfirmed(event);
      metrics.busPublished.inc({ result: 'confirmed' });
    } catch (error) {
      metrics.busPublished.inc({ result: 'failed' });
      throw error;
    }
  }

  private async publishConfirmed(event: EventEnvelope): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    await this.publisher.publish(this.options.exchange, event.routing_key, Buffer.from(JSON.stringify(event)), {
      persistent: true,
      messageId: event.id,
      type: event.type,
      contentType: 'application/json',
      headers: traitHeaders(traitsOf(event)),
    });
  }

  /**
   * A queue bound to the exchange by its patterns; with `withTraits`, through a headers exchange of
   * its own (`<queue>.filter`, bound to the exchange by the patterns, the queue bound to it by the
   * traits), so the broker drops the events without them.
   */
  async subscribe({ queue, exclusive, patterns = [], retryFailed = false, retryDelayMs = 1000, withTraits }: SubscriptionOptions, handler: EventHandler): Promise<Subscription> {
    const { exchange, logger } = this.options;
    if (this.closed) throw new Error('The event bus is closed');
    if (exclusive && this.exclusiveQueues.has(queue)) throw new Error(`Queue ${queue} is exclusive to another consumer`);
    const bound = new Set(patterns);
    const listeners: Array<() => void> = [];
    let established = 0;
    // The amqplib channel of the current connection; a message is acked on the channel that delivered it.
    let current: Channel | undefined;
    // The headers exchange in front of the queue, and what the queue binds it by.
    const filter = withTraits?.length ? { exchange: traitFilterExchange(queue), match: { 'x-match': 'all', ...traitHeaders(withTraits) } } : undefined;
    const channel = this.connection.createChannel({
      name: `consumer:${queue}`,
      confirm: false,
      setup: async (ch: Channel) => {
        current = ch;
        await ch.assertExchange(exchange, 'topic', { durable: true });
        await ch.assertQueue(queue, exclusive ? { exclusive: true, autoDelete: true, durable: false } : { durable: true });
        await ch.prefetch(this.options.prefetch ?? 500);
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
    let setupFailed: (err: Error) => void = () => undefined;
    const failed = new Promise<never>((_resolve, reject) => (setupFailed = reject));
    channel.once('error', setupFailed);
    if (exclusive) this.exclusiveQueues.add(queue);
    const release = () => {
      if (exclusive) this.exclusiveQueues.delete(queue);
    };
    try {
      await Promise.race([
        (async () => {
          await channel.consume(queue, (message: ConsumeMessage) => {
            const deliveredOn = current;
            // Delivery tags belong to a channel: acking an old one on the channel of a new connection
            // is a PRECONDITION_FAILED that closes it. After a reconnect the broker redelivers anyway.
            const ack = () => {
              try {
                if (deliveredOn === current) deliveredOn?.ack(message);
              } catch {
                // The channel closed meanwhile; the broker requeues what was not acked.
              }
            };
            let event: EventEnvelope;
            try {
              event = JSON.parse(message.content.toString('utf8')) as EventEnvelope;
            } catch {
              logger.error({ queue }, 'dropping an event that is not JSON');
              ack();
              return;
            }
            observeLag(exclusive ? 'exclusive' : queue, event);
            Promise.resolve()
              .then(() => handler(event))
              .then(ack, (error: unknown) => {
                logger.error({ err: error, queue, eventId: event.id }, 'event handler failed');
                if (!retryFailed) return ack();
                // Back to the queue after a pause, so a database outage does not spin.
                setTimeout(() => {
                  try {
                    if (deliveredOn === current) deliveredOn?.nack(message, false, true);
                  } catch {
                    // The channel closed meanwhile; the broker requeues what was not acked.
                  }
                }, retryDelayMs);
              });
          });
          await channel.waitForConnect();
        })(),
        failed,
      ]);
    } catch (error) {
      // E.g. an exclusive queue another connection holds (RESOURCE_LOCKED): refuse, do not hang.
      release();
      await channel.close().catch(() => undefined);
      throw error;
    } finally {
      channel.removeListener('error', setupFailed);
    }
    // Binds on their way to the broker: a second caller of the same pattern waits for the first's.
    const binding = new Map<string, Promise<void>>();
    return {
      bind: async (pattern) => {
        if (bound.has(pattern)) return binding.get(pattern);
        bound.add(pattern);
        // While disconnected the setup binds it on reconnect.
        const done: Promise<void> = (filter ? channel.bindExchange(filter.exchange, exchange, pattern) : channel.bindQueue(queue, exchange, pattern))
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
        await (filter ? channel.unbindExchange(filter.exchange, exchange, pattern) : channel.unbindQueue(queue, exchange, pattern)).catch((err: Error) => logger.warn({ err: err.message, pattern }, 'unbind deferred'));
      },
      onReestablished: (listener) => void listeners.push(listener),
      close: async () => {
        release();
        await channel.close();
      },
    };
  }

  isConnected(): boolean {
    return this.connected;
  }

  async waitForConnect(): Promise<void> {
    await this.publisher.waitForConnect();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.connected = false;
    this.exclusiveQueues.clear();
    await this.connection.close();
  }
}
