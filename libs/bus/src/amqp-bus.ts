import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConfirmChannel } from 'amqplib';
import type { EventEnvelope } from '@parley/contracts';
import type { Logger } from '@parley/logger';
import { metrics } from '@parley/metrics';
import { packEvents } from './amqp-envelope';
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
  /** How long handled deliveries wait for company before their bulk ack goes (default 20 ms; half the prefetch handled: at once). */
  ackLingerMs?: number;
}

const counted = {
  confirmed: metrics.busPublished.labels('confirmed'),
  failed: metrics.busPublished.labels('failed'),
  transient: metrics.busPublished.labels('transient'),
  dropped: metrics.busPublished.labels('dropped'),
};

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
  /** Transient events of this turn of the event loop: they leave together when it ends. */
  private transientPending: EventEnvelope[] = [];
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
   * The events go out at once on the confirm channel, packed into envelopes (`packEvents`: one
   * AMQP message routed to every queue that wants any of its events); amqplib matches the
   * broker's confirms (which RabbitMQ sends with `multiple` for a run) to them, so the batch costs
   * one wait.
   */
  async publishMany(events: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    const { exchange } = this.options;
    const messages = packEvents(events, true);
    const results = await Promise.allSettled(messages.map((message) => this.publisher.publish(exchange, message.routingKey, message.content, message.properties)));
    let failed = 0;
    let reason: unknown;
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      failed += messages[i].events;
      reason ??= result.reason;
    });
    counted.confirmed.inc(events.length - failed);
    if (failed === 0) return;
    counted.failed.inc(failed);
    throw reason;
  }

  /**
   * The transient events of one turn of the event loop leave together, packed like `publishMany`'s,
   * when the turn ends (`setImmediate`: no timer, nothing waits for more to come).
   */
  publishTransient(events: EventEnvelope[]): void {
    if (events.length === 0) return;
    if (this.closed) return void counted.dropped.inc(events.length);
    if (this.transientPending.length === 0) setImmediate(() => this.flushTransient());
    for (const event of events) this.transientPending.push(event);
  }

  private flushTransient(): void {
    const events = this.transientPending;
    this.transientPending = [];
    const transient = this.transient;
    // A full write buffer means the broker or the network is behind: a typing signal is not worth queueing.
    if (this.closed || !transient?.room) return void counted.dropped.inc(events.length);
    const { exchange } = this.options;
    let sent = 0;
    for (const message of packEvents(events, false)) {
      try {
        transient.room = transient.channel.publish(exchange, message.routingKey, message.content, message.properties);
        sent += message.events;
      } catch {
        // The channel closed under us.
        break;
      }
    }
    counted.transient.inc(sent);
    if (sent < events.length) counted.dropped.inc(events.length - sent);
  }

  async subscribe(options: SubscriptionOptions, handler: EventHandler): Promise<Subscription> {
    const { exchange, logger, prefetch = 500, ackLingerMs = 20 } = this.options;
    const { queue, exclusive } = options;
    if (this.closed) throw new Error('The event bus is closed');
    if (exclusive && this.exclusiveQueues.has(queue)) throw new Error(`Queue ${queue} is exclusive to another consumer`);
    if (exclusive) this.exclusiveQueues.add(queue);
    const release = () => {
      if (exclusive) this.exclusiveQueues.delete(queue);
    };
    try {
      const subscription = await subscribeAmqp({ connection: this.connection, exchange, logger, prefetch, ackLingerMs }, options, handler);
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
