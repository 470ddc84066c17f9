import type { Message } from 'amqplib';
import { BulkAcker, type AckChannel } from './bulk-acker';

/** A channel that records the frames the acker sends, by delivery tag. */
class RecordingChannel implements AckChannel {
  readonly frames: string[] = [];
  ack(message: Message, allUpTo = false): void {
    this.frames.push(`ack ${message.fields.deliveryTag}${allUpTo ? ' multiple' : ''}`);
  }
}

const message = (tag: number) => ({ fields: { deliveryTag: tag } }) as Message;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('BulkAcker', () => {
  let channel: RecordingChannel;
  let acker: BulkAcker;
  beforeEach(() => {
    channel = new RecordingChannel();
    acker = new BulkAcker(channel);
  });

  it('acks a burst handled in one turn with one frame, multiple up to its last delivery', async () => {
    const deliveries = [1, 2, 3, 4, 5].map((tag) => acker.track(message(tag)));
    deliveries.forEach((d) => acker.done(d));
    expect(channel.frames).toEqual([]);
    await nextTurn();
    expect(channel.frames).toEqual(['ack 5 multiple']);
  });

  it('acks only the run of settled deliveries at the front; the rest once the gap is settled', async () => {
    const [d1, d2, d3, d4] = [1, 2, 3, 4].map((tag) => acker.track(message(tag)));
    acker.done(d1);
    acker.done(d3);
    acker.done(d4);
    await nextTurn();
    expect(channel.frames).toEqual(['ack 1 multiple']);
    acker.done(d2);
    await nextTurn();
    expect(channel.frames).toEqual(['ack 1 multiple', 'ack 4 multiple']);
  });

  it('sends the settled run at once on flush(), and nothing once closed', async () => {
    const [d1, d2] = [1, 2].map((tag) => acker.track(message(tag)));
    acker.done(d1);
    acker.flush();
    expect(channel.frames).toEqual(['ack 1 multiple']);
    expect(acker.open).toBe(true);
    acker.close();
    expect(acker.open).toBe(false);
    acker.done(d2);
    acker.flush();
    await nextTurn();
    expect(channel.frames).toEqual(['ack 1 multiple']);
  });

  it('keeps working past thousands of deliveries (the settled ones are let go)', async () => {
    for (let tag = 1; tag <= 5000; tag++) acker.done(acker.track(message(tag)));
    await nextTurn();
    const late = acker.track(message(5001));
    acker.done(late);
    await nextTurn();
    expect(channel.frames).toEqual(['ack 5000 multiple', 'ack 5001 multiple']);
  });

  it('with a linger, acks a trickle of events with one frame per linger', async () => {
    const lingering = new BulkAcker(channel, { lingerMs: 100, flushAt: 50 });
    for (const tag of [1, 2, 3]) {
      lingering.done(lingering.track(message(tag)));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(channel.frames).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(channel.frames).toEqual(['ack 3 multiple']);
  });

  it('with a linger, acks at once when flushAt deliveries are settled, and on flush()', async () => {
    const lingering = new BulkAcker(channel, { lingerMs: 60_000, flushAt: 3 });
    [1, 2, 3].forEach((tag) => lingering.done(lingering.track(message(tag))));
    await nextTurn();
    expect(channel.frames).toEqual(['ack 3 multiple']);
    lingering.done(lingering.track(message(4)));
    await nextTurn();
    expect(channel.frames).toEqual(['ack 3 multiple']);
    lingering.flush();
    expect(channel.frames).toEqual(['ack 3 multiple', 'ack 4 multiple']);
    lingering.close();
  });
});
