import type { MessageSentEvent } from '@parley/contracts';
import { ParleyError } from './parley-error';
import { busyRetryDelayMs, SendQueue, type PendingSend } from './send-queue';

const sent = (p: PendingSend): MessageSentEvent => ({ message_id: `m-${p.temp_id}`, temp_id: p.temp_id, sent_at: '', seq: 1, session_id: p.session_id });
const send = (temp_id: string): PendingSend => ({ session_id: 's', content: temp_id, message_type: 'text', temp_id });

describe('SendQueue', () => {
  it('waits while offline, then sends in order', async () => {
    const emitted: string[] = [];
    const queue = new SendQueue(async (p) => {
      emitted.push(p.temp_id);
      return sent(p);
    });
    const all = Promise.all(['a', 'b', 'c'].map((t) => queue.push(send(t))));
    await new Promise((r) => setTimeout(r, 20));
    expect(emitted).toEqual([]);
    queue.setOnline(true);
    expect((await all).map((s) => s.temp_id)).toEqual(['a', 'b', 'c']);
    expect(emitted).toEqual(['a', 'b', 'c']);
  });

  it('tries a send whose answer did not come again, with the same temp_id, before the next one', async () => {
    const emitted: string[] = [];
    let timeouts = 2;
    const queue = new SendQueue(async (p) => {
      emitted.push(p.temp_id);
      if (p.temp_id === 'a' && timeouts-- > 0) throw new ParleyError('TIMEOUT', 'no answer');
      return sent(p);
    }, 5);
    queue.setOnline(true);
    await Promise.all([queue.push(send('a')), queue.push(send('b'))]);
    expect(emitted).toEqual(['a', 'a', 'a', 'b']);
  });

  it('rejects a refused send and goes on with the next', async () => {
    const queue = new SendQueue(async (p) => {
      if (p.temp_id === 'bad') throw new ParleyError('INVALID_ARGUMENT', 'content must not be empty');
      return sent(p);
    });
    queue.setOnline(true);
    const bad = queue.push(send('bad'));
    const good = queue.push(send('good'));
    await expect(bad).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(good).resolves.toMatchObject({ temp_id: 'good' });
  });

  it('gives up after its attempts', async () => {
    const queue = new SendQueue(async () => {
      throw new ParleyError('UNAVAILABLE', 'down');
    }, 1, 3);
    queue.setOnline(true);
    await expect(queue.push(send('x'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(queue.size).toBe(0);
  });

  const busy = (retryAfterMs?: number) => new ParleyError('RESOURCE_EXHAUSTED', 'The server is busy; try again in 1 s', 'send_message', retryAfterMs);

  it('keeps a send the server refused as busy pending, and sends it again with the same temp_id after retry_after_ms, backing off, before the next', async () => {
    const emitted: Array<{ temp_id: string; at: number }> = [];
    let refusals = 2;
    const queue = new SendQueue(
      async (p) => {
        emitted.push({ temp_id: p.temp_id, at: Date.now() });
        if (p.temp_id === 'a' && refusals-- > 0) throw busy(40);
        return sent(p);
      },
      5,
      20,
      { random: () => 0 },
    );
    queue.setOnline(true);
    const a = queue.push(send('a'));
    const b = queue.push(send('b'));
    await new Promise((r) => setTimeout(r, 10));
    expect(queue.size).toBe(2);
    await expect(a).resolves.toMatchObject({ temp_id: 'a' });
    await expect(b).resolves.toMatchObject({ temp_id: 'b' });
    expect(emitted.map((e) => e.temp_id)).toEqual(['a', 'a', 'a', 'b']);
    // 40 ms as asked, then twice that while the server stays busy.
    expect(emitted[1].at - emitted[0].at).toBeGreaterThanOrEqual(38);
    expect(emitted[2].at - emitted[1].at).toBeGreaterThanOrEqual(78);
  });

  it('never gives up a send the server keeps refusing as busy, and never fails it', async () => {
    let refusals = 6;
    const queue = new SendQueue(
      async (p) => {
        if (refusals-- > 0) throw busy(1);
        return sent(p);
      },
      1,
      2,
      { maxDelayMs: 4 },
    );
    queue.setOnline(true);
    await expect(queue.push(send('stubborn'))).resolves.toMatchObject({ temp_id: 'stubborn' });
    expect(refusals).toBe(-1);
  });

  it('holds a busy send over a disconnect and sends it once back online', async () => {
    const emitted: string[] = [];
    let refused = false;
    const queue = new SendQueue(async (p) => {
      emitted.push(p.temp_id);
      if (!refused) {
        refused = true;
        throw busy(30);
      }
      return sent(p);
    });
    queue.setOnline(true);
    const pending = queue.push(send('a'));
    await new Promise((r) => setTimeout(r, 5));
    queue.setOnline(false);
    await new Promise((r) => setTimeout(r, 60));
    expect([emitted, queue.size]).toEqual([['a'], 1]);
    queue.setOnline(true);
    await expect(pending).resolves.toMatchObject({ temp_id: 'a' });
    expect(emitted).toEqual(['a', 'a']);
  });
});

describe('SendQueue waits between tries', () => {
  it('ends a busy wait when the connection comes back, and sends at once with a fresh backoff', async () => {
    const emitted: number[] = [];
    let refused = false;
    const queue = new SendQueue(async (p) => {
      emitted.push(Date.now());
      if (!refused) {
        refused = true;
        throw new ParleyError('RESOURCE_EXHAUSTED', 'busy', 'send_message', 60_000);
      }
      return { message_id: 'm', temp_id: p.temp_id, sent_at: '', seq: 1, session_id: p.session_id };
    });
    queue.setOnline(true);
    const pending = queue.push({ session_id: 's', content: 'hi', message_type: 'text', temp_id: 'a' });
    await new Promise((r) => setTimeout(r, 20));
    queue.setOnline(false);
    queue.setOnline(true);
    await expect(pending).resolves.toMatchObject({ temp_id: 'a' });
    expect(emitted).toHaveLength(2);
    expect(emitted[1] - emitted[0]).toBeLessThan(10_000);
  });
});

describe('busyRetryDelayMs', () => {
  it("waits what the server asked, doubled per refusal in a row up to the cap, plus up to half again of jitter, never less than asked", () => {
    const at = (random: number) => ({ maxDelayMs: 30_000, random: () => random });
    expect(busyRetryDelayMs(1000, 1, 500, at(0))).toBe(1000);
    expect(busyRetryDelayMs(1000, 1, 500, at(0.999))).toBe(1500);
    expect([2, 3, 4].map((n) => busyRetryDelayMs(1000, n, 500, at(0)))).toEqual([2000, 4000, 8000]);
    expect(busyRetryDelayMs(1000, 12, 500, at(0))).toBe(30_000);
    expect(busyRetryDelayMs(1000, 12, 500, at(0.5))).toBe(37_500);
    expect(busyRetryDelayMs(60_000, 3, 500, at(0))).toBe(60_000);
    expect(busyRetryDelayMs(undefined, 1, 500, at(0))).toBe(500);
  });
});
