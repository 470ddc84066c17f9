import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConfirmChannel, Options } from 'amqplib';
import { traitsOf, type EventEnvelope } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import { traitHeaders } from './amqp-traits';
import { subscribeAmqp } from './amqp-subscription';
import type { EventBus, EventHandler, Subscription, SubscriptionOptions } from './event-bus';

export { traitFilterExchange } from './amqp-traits';

export interface AmqpBusOptions {
  url: string;
  exchange: string;
  logger: Logger;
  /** How long a publish may wait for the broker's confirm before it fails (the outbox retries). */
  publishTimeoutMs?: number;
  /** Unacknowledged deliveries each consumer may hold (default 500): batches flow, acks go in bulk. */
  prefetch?: number;
}

const counted = {
  confirmed: metrics.busPublished.labels('confirmed'),
  failed: metrics.busPublished.labels('failed'),
  transient: metrics.busPublished.labels('transient'),
  dropped: metrics.busPublished.labels('dropped'),
};

function properties(event: EventEnvelope, persistent: boolean): Options.Publish {
  return { persistent, messageId: event.id, type: event.type, contentType: 'application/json', headers: traitHeaders(traitsOf(event)) };
}

/**
 * RabbitMQ through amqp-connection-manager: it reconnects by itself and re-runs each channel's
 * setup, so exchanges, queues, bindings and consumers come back after an outage. Persistent events
 * go out on a confirm channel and a publish resolves only when the broker has taken them; transient
 * ones (typing) on a channel of their own without confirms, so they never wait behind them.
 */
export class AmqpBus implements EventBus {
  private readonly connection: AmqpConnectionManager;
  private readonly publisher: ChannelWrapper;
  private readonly transientChannel: ChannelWrapper;
  /** The raw channel transient events are written to, while it is open and has room. */
  private transient: { channel: Channel; room: boolean } | undefined;
  private connected = false;
  private closed = false;
  /** Exclusive queues this process consumes; a second consumer would share it, so it is refused. */
  private readonly exclusiveQueues = new Set<string>();

  constructor(private readonly options: AmqpBusOptions) {
    const { url, exchange, logger } = options;
    // noDelay: amqplib leaves Nagle's algorithm on, which holds a small publish or ack behind the
    // broker's delayed ACK of the previous one (tens of ms); every other client here turns it off.
    this.connection = amqp.connect([url], { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1, connectionOptions: { noDelay: true } });
    this.connection.on('connect', () => {
      this.connected = true;
      logger.info('connected to RabbitMQ');
    });
    this.connection.on('disconnect', ({ err }) => {
      this.connected = false;
      this.transient = undefined;
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
    this.transientChannel = this.connection.createChannel({
      name: 'transient-publisher',
      confirm: false,
      setup: async (channel: Channel) => {
        await channel.assertExchange(exchange, 'topic', { durable: true });
        const transient = { channel, room: true };
        channel.on('drain', () => (transient.room = true));
        channel.once('close', () => {
          if (this.transient === transient) this.transient = undefined;
        });
        this.transient = transient;
      },
    });
    this.transientChannel.on('error', (err: Error) => logger.error({ err: err.message }, 'transient publisher channel setup failed'));
  }

  async publish(event: EventEnvelope): Promise<void> {
    return this.publishMany([event]);
  }

  /**
   * Every event goes out at once on the confirm channel; amqplib matches the broker's confirms
   * (which RabbitMQ sends with `multiple` for a run) to them, so the batch costs one wait.
   */
  async publishMany(events: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    const { exchange } = this.options;
    const results = await Promise.allSettled(events.map((event) => this.publisher.publish(exchange, event.routing_key, Buffer.from(JSON.stringify(event)), properties(event, true))));
    const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    counted.confirmed.inc(events.length - failures.length);
    if (failures.length === 0) return;
    counted.failed.inc(failures.length);
    throw failures[0].reason;
  }

  publishTransient(events: EventEnvelope[]): void {
    const transient = this.transient;
    // A full write buffer means the broker or the network is behind: a typing signal is not worth queueing.
    if (this.closed || !transient?.room) return void counted.dropped.inc(events.length);
    const { exchange } = this.options;
    for (let i = 0; i < events.length; i++) {
      try {
        transient.room = transient.channel.publish(exchange, events[i].routing_key, Buffer.from(JSON.stringify(events[i])), properties(events[i], false));
      } catch {
        // The channel closed under us.
        counted.dropped.inc(events.length - i);
        return;
      }
    }
    counted.transient.inc(events.length);
  }

  async subscribe(options: SubscriptionOptions, handler: EventHandler): Promise<Subscription> {
    const { exchange, logger, prefetch = 500 } = this.options;
    const { queue, exclusive } = options;
    if (this.closed) throw new Error('The event bus is closed');
    if (exclusive && this.exclusiveQueues.has(queue)) throw new Error(`Queue ${queue} is exclusive to another consumer`);
    if (exclusive) this.exclusiveQueues.add(queue);
    const release = () => {
      if (exclusive) this.exclusiveQueues.delete(queue);
    };
    try {
      const subscription = await subscribeAmqp({ connection: this.connection, exchange, logger, prefetch }, options, handler);
      return {
        ...subscription,
        close: async () => {
          release();
          await subscription.close();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }

  isConnected(): boolean {
    return this.connected;
  }

  /** Resolves once both publishing channels are open. */
  async waitForConnect(): Promise<void> {
    await Promise.all([this.publisher.waitForConnect(), this.transientChannel.waitForConnect()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.connected = false;
    this.transient = undefined;
    this.exclusiveQueues.clear();
    await this.connection.close();
  }
}
