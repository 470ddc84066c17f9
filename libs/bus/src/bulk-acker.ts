import type { Message } from 'amqplib';

/** What the acker needs of the amqplib channel that delivered the messages. */
export interface AckChannel {
  ack(message: Message, allUpTo?: boolean): void;
}

/** A message the broker delivered: with its handler (or waiting for a retry), or done. */
export interface Delivery {
  message: Message;
  state: 'handling' | 'done';
}

export interface BulkAckerOptions {
  /**
   * How long settled deliveries wait for company before their ack goes (0: the next turn of the
   * event loop). An ack is bookkeeping nobody waits on: the event was handled before it.
   */
  lingerMs?: number;
  /** This many settled deliveries are acked at once, whatever the linger (keep it below the prefetch). */
  flushAt?: number;
}

/**
 * Acks a channel's deliveries in bulk. The broker numbers a channel's deliveries in order; handlers
 * settle them in any order. Once per turn of the event loop (or, with `lingerMs`, once per linger:
 * a trickle of events then costs one frame per linger, not one each) the acker takes the run of
 * settled deliveries at the front and acks the last handled one with `multiple` (RabbitMQ then acks
 * every outstanding delivery up to it): one frame for a burst instead of one per event. A delivery
 * still with its handler (or waiting to retry an event that failed) stops the run, so a bulk ack
 * never covers it; the ones behind it are acked once it is settled.
 */
export class BulkAcker {
  private readonly deliveries: Delivery[] = [];
  /** Index of the first delivery not yet settled with the broker. */
  private head = 0;
  private scheduled = false;
  private lingering: NodeJS.Timeout | undefined;
  /** Deliveries settled since the last flush. */
  private settled = 0;
  private closed = false;
  private readonly lingerMs: number;
  private readonly flushAt: number;

  constructor(
    private readonly channel: AckChannel,
    { lingerMs = 0, flushAt = Number.POSITIVE_INFINITY }: BulkAckerOptions = {},
  ) {
    this.lingerMs = lingerMs;
    this.flushAt = flushAt;
  }

  track(message: Message): Delivery {
    const delivery: Delivery = { message, state: 'handling' };
    if (!this.closed) this.deliveries.push(delivery);
    return delivery;
  }

  /** The handler is done with it (or it is dropped): acked with the next bulk ack. */
  done(delivery: Delivery): void {
    delivery.state = 'done';
    this.settled += 1;
    this.schedule();
  }

  /** Sends the ack of the settled run now (before the channel closes, so they are not redelivered). */
  flush(): void {
    this.scheduled = false;
    clearTimeout(this.lingering);
    this.lingering = undefined;
    this.settled = 0;
    if (this.closed) return;
    let last: Delivery | undefined;
    while (this.head < this.deliveries.length && this.deliveries[this.head].state === 'done') last = this.deliveries[this.head++];
    if (this.head > 1024 && this.head * 2 > this.deliveries.length) {
      this.deliveries.splice(0, this.head);
      this.head = 0;
    }
    if (!last) return;
    try {
      this.channel.ack(last.message, true);
    } catch {
      // As above: what was not acked comes again, and receivers drop duplicates by id.
    }
  }

  /** False once its channel is gone (`close`). */
  get open(): boolean {
    return !this.closed;
  }

  /** The channel is gone: its delivery tags mean nothing on the next one, so nothing more is sent. */
  close(): void {
    this.closed = true;
    clearTimeout(this.lingering);
    this.lingering = undefined;
    this.deliveries.length = 0;
    this.head = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    if (this.lingerMs > 0 && this.settled < this.flushAt) {
      this.lingering ??= setTimeout(() => this.flush(), this.lingerMs).unref();
      return;
    }
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}
