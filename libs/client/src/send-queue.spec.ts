import type { MessageSentEvent } from '@parley/contracts';
import { ParleyError } from './parley-error';
import { SendQueue, type PendingSend } from './send-queue';

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
});
