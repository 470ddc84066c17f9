import pino from 'pino';
import type { ChatMessage } from '@parley/contracts';
import { eventually } from '@parley/testing';
import { RoomSequencer } from './room-sequencer';

const SESSION = '00000000-0000-4000-8000-000000000001';
const msg = (seq: number): ChatMessage => ({
  id: `m${seq}`, session_id: SESSION, seq, sender_id: 'u', sender_role: 'customer', sender_name: 'U', content: `#${seq}`,
  message_type: 'text', temp_id: null, created_at: new Date().toISOString(), attachments: [], read_by: [],
});

function setup(store: ChatMessage[] = [], failFetches = 0) {
  const delivered: number[] = [];
  const fetches: number[] = [];
  let failures = failFetches;
  const sequencer = new RoomSequencer({
    logger: pino({ level: 'silent' }),
    gapWaitMs: 20,
    deliver: (m) => delivered.push(m.seq),
    fetchAfter: async (_id, after) => {
      fetches.push(after);
      if (failures-- > 0) throw new Error('message service down');
      return store.filter((m) => m.seq > after);
    },
  });
  sequencer.open(SESSION);
  return { sequencer, delivered, fetches };
}

describe('RoomSequencer', () => {
  it('says when a room has handed everything up to a seq: an ack of message 6 waits for 5, stored by another instance', async () => {
    const { sequencer, delivered } = setup([msg(5)]);
    sequencer.setBaseline(SESSION, 4);
    let reached = false;
    const waiting = sequencer.reached(SESSION, 5, 5000).then(() => (reached = true));
    sequencer.accept(msg(6));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(reached).toBe(false);
    // 5's event never comes here in time: the gap is read from the store, and the wait ends.
    await waiting;
    expect(delivered).toEqual([5, 6]);
    await expect(sequencer.reached(SESSION, 6, 5000)).resolves.toBeUndefined();
  });

  it('stops waiting after the time given, or when the room closes', async () => {
    const { sequencer } = setup();
    sequencer.setBaseline(SESSION, 1);
    const started = Date.now();
    await sequencer.reached(SESSION, 3, 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const closing = sequencer.reached(SESSION, 3, 60_000);
    sequencer.close(SESSION);
    await closing;
  });

  it('hands over messages in order as they come', () => {
    const { sequencer, delivered } = setup();
    sequencer.setBaseline(SESSION, 3);
    [4, 5, 6].forEach((s) => sequencer.accept(msg(s)));
    expect(delivered).toEqual([4, 5, 6]);
  });

  it('holds a message that arrives early until the one before it comes', () => {
    const { sequencer, delivered, fetches } = setup();
    sequencer.setBaseline(SESSION, 0);
    sequencer.accept(msg(2));
    expect(delivered).toEqual([]);
    sequencer.accept(msg(1));
    expect(delivered).toEqual([1, 2]);
    expect(fetches).toEqual([]);
  });

  it('reads a gap that does not close by itself from the store', async () => {
    const store = [1, 2, 3, 4].map(msg);
    const { sequencer, delivered, fetches } = setup(store);
    sequencer.setBaseline(SESSION, 1);
    sequencer.accept(msg(4));
    await eventually(() => expect(delivered).toEqual([2, 3, 4]));
    expect(fetches).toEqual([1]);
  });

  it('passes duplicates on for the sockets to drop, without reordering', () => {
    const { sequencer, delivered } = setup();
    sequencer.setBaseline(SESSION, 0);
    sequencer.accept(msg(1));
    sequencer.accept(msg(1));
    expect(delivered).toEqual([1, 1]);
  });

  it('retries a failed read until the store answers', async () => {
    const store = [1, 2, 3].map(msg);
    const { sequencer, delivered, fetches } = setup(store, 1);
    sequencer.setBaseline(SESSION, 0);
    sequencer.accept(msg(3));
    await eventually(() => expect(delivered).toEqual([1, 2, 3]), 4000);
    expect(fetches.length).toBe(2);
  });

  it('reads what every room missed on resync', async () => {
    const store = [1, 2, 3].map(msg);
    const { sequencer, delivered } = setup(store);
    sequencer.setBaseline(SESSION, 1);
    await sequencer.resyncAll();
    expect(delivered).toEqual([2, 3]);
  });

  it('ignores rooms it does not hold', () => {
    const { sequencer, delivered } = setup();
    sequencer.close(SESSION);
    sequencer.accept(msg(1));
    expect(delivered).toEqual([]);
  });
});
