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

/**
 * Acks a channel's deliveries in bulk. The broker numbers a channel's deliveries in order; handlers
 * settle them in any order. Once per turn of the event loop the acker takes the run of settled
 * deliveries at the front and acks the last handled one with `multiple` (RabbitMQ then acks every
 * outstanding delivery up to it): one frame for a burst instead of one per event. A delivery still
 * with its handler (or waiting to retry an event that failed) stops the run, so a bulk ack never
 * covers it; the ones behind it are acked once it is settled.
 */
export class BulkAcker {
  private readonly deliveries: Delivery[] = [];
  /** Index of the first delivery not yet settled with the broker. */
  private head = 0;
  private scheduled = false;
  private closed = false;

  constructor(private readonly channel: AckChannel) {}

  track(message: Message): Delivery {
    const delivery: Delivery = { message, state: 'handling' };
    if (!this.closed) this.deliveries.push(delivery);
    return delivery;
  }

  /** The handler is done with it (or it is dropped): acked with the next bulk ack. */
  done(delivery: Delivery): void {
    delivery.state = 'done';
    this.schedule();
  }

  /** Sends the ack of the settled run now (before the channel closes, so they are not redelivered). */
  flush(): void {
    this.scheduled = false;
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
    this.deliveries.length = 0;
    this.head = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}
