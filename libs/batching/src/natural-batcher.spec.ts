import { failed, NaturalBatcher, settleEach, succeeded, type Outcome } from './natural-batcher';

/** A hop whose batches the test answers by hand, recording what each batch held. */
function manualHop<I>() {
  const batches: I[][] = [];
  const answers: Array<(outcomes: Outcome<string>[] | Error) => void> = [];
  const run = (items: I[]) =>
    new Promise<Outcome<string>[]>((resolve, reject) => {
      batches.push(items);
      answers.push((outcomes) => (outcomes instanceof Error ? reject(outcomes) : resolve(outcomes)));
    });
  return { batches, answers, run };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('NaturalBatcher', () => {
  it('sends a lone item at once, in a batch of one', async () => {
    const batcher = new NaturalBatcher<number, number>({ run: async (items) => items.map((n) => succeeded(n * 2)) });
    await expect(batcher.submit(21)).resolves.toBe(42);
  });

  it('gathers what arrives in one turn of the event loop into one batch', async () => {
    const hop = manualHop<number>();
    const batcher = new NaturalBatcher<number, string>({ run: hop.run });
    const answers = [1, 2, 3].map((n) => batcher.submit(n));
    await nextTurn();
    expect(hop.batches).toEqual([[1, 2, 3]]);
    hop.answers[0]([1, 2, 3].map((n) => succeeded(`#${n}`)));
    await expect(Promise.all(answers)).resolves.toEqual(['#1', '#2', '#3']);
  });

  it('forms the next batch from what arrives while one is in flight, and starts it when that one answers', async () => {
    const hop = manualHop<string>();
    const batcher = new NaturalBatcher<string, string>({ run: hop.run });
    const first = batcher.submit('a');
    await nextTurn();
    const later = ['b', 'c', 'd'].map((s) => batcher.submit(s));
    await nextTurn();
    // Still one batch: the others wait for it, whatever the time.
    expect(hop.batches).toEqual([['a']]);
    expect(batcher.queued).toBe(3);
    hop.answers[0]([succeeded('A')]);
    await expect(first).resolves.toBe('A');
    await nextTurn();
    expect(hop.batches).toEqual([['a'], ['b', 'c', 'd']]);
    hop.answers[1](['B', 'C', 'D'].map((s) => succeeded(s)));
    await expect(Promise.all(later)).resolves.toEqual(['B', 'C', 'D']);
    expect(batcher.inFlight).toBe(0);
  });

  it('answers each item on its own: one failure does not fail its neighbours', async () => {
    const batcher = new NaturalBatcher<number, number>({
      run: async (items) => items.map((n) => (n < 0 ? failed(new Error(`bad ${n}`)) : succeeded(n))),
    });
    const results = await Promise.allSettled([batcher.submit(1), batcher.submit(-2), batcher.submit(3)]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 'bad -2', 3]);
  });

  it('fails every item of a batch whose hop failed, then carries on with the next', async () => {
    const hop = manualHop<number>();
    const batcher = new NaturalBatcher<number, string>({ run: hop.run });
    const doomed = [batcher.submit(1), batcher.submit(2)];
    await nextTurn();
    const next = batcher.submit(3);
    hop.answers[0](new Error('connection lost'));
    for (const d of doomed) await expect(d).rejects.toThrow('connection lost');
    await nextTurn();
    hop.answers[1]([succeeded('three')]);
    await expect(next).resolves.toBe('three');
  });

  it('refuses an answer of the wrong length for every item rather than answering some wrongly', async () => {
    const batcher = new NaturalBatcher<number, number>({ run: async () => [succeeded(1)] });
    const results = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });

  it('caps a batch at maxBatchSize and keeps the order of items across batches', async () => {
    const seen: number[][] = [];
    const batcher = new NaturalBatcher<number, number>({
      maxBatchSize: 2,
      run: async (items) => {
        seen.push(items);
        return items.map((n) => succeeded(n));
      },
    });
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.submit(n)));
    expect(seen).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('runs up to maxInFlight batches at once', async () => {
    const hop = manualHop<number>();
    const batcher = new NaturalBatcher<number, string>({ run: hop.run, maxBatchSize: 1, maxInFlight: 2 });
    const all = [1, 2, 3].map((n) => batcher.submit(n));
    await nextTurn();
    expect(hop.batches).toEqual([[1], [2]]);
    hop.answers[0]([succeeded('one')]);
    await nextTurn();
    expect(hop.batches).toEqual([[1], [2], [3]]);
    hop.answers[1]([succeeded('two')]);
    hop.answers[2]([succeeded('three')]);
    await expect(Promise.all(all)).resolves.toEqual(['one', 'two', 'three']);
  });

  it('pauses a write-behind hop between batches: a trickle goes one batch per interval', async () => {
    const started: Array<{ items: number[]; at: number }> = [];
    const batcher = new NaturalBatcher<number, number>({
      minIntervalMs: 200,
      run: async (items) => {
        started.push({ items, at: Date.now() });
        return items.map((n) => succeeded(n));
      },
    });
    await batcher.submit(1);
    const trickle: Promise<number>[] = [];
    for (const n of [2, 3, 4]) {
      trickle.push(batcher.submit(n));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await expect(Promise.all(trickle)).resolves.toEqual([2, 3, 4]);
    expect(started.map((b) => b.items)).toEqual([[1], [2, 3, 4]]);
    expect(started[1].at - started[0].at).toBeGreaterThanOrEqual(190);
  });

  it('starts a full batch of a write-behind hop at once, whatever the pause', async () => {
    const seen: number[][] = [];
    const batcher = new NaturalBatcher<number, number>({
      minIntervalMs: 60_000,
      maxBatchSize: 2,
      run: async (items) => {
        seen.push(items);
        return items.map((n) => succeeded(n));
      },
    });
    await batcher.submit(1);
    const second = batcher.submit(2);
    await nextTurn();
    expect(seen).toEqual([[1]]);
    await expect(Promise.all([second, batcher.submit(3)])).resolves.toEqual([2, 3]);
    expect(seen).toEqual([[1], [2, 3]]);
  });
});

describe('settleEach', () => {
  it('answers every item, failures as their own outcome', async () => {
    const outcomes = await settleEach([1, 2, 3], async (n) => {
      if (n === 2) throw new Error('two');
      return n * 10;
    });
    expect(outcomes).toEqual([succeeded(10), failed(new Error('two')), succeeded(30)]);
  });

  it('keeps a failure thrown before the work returned a promise to its item', async () => {
    const work = (n: number): Promise<number> => {
      if (n === 1) throw new Error('at once');
      return Promise.resolve(n);
    };
    expect(await settleEach([1, 2], work)).toEqual([failed(new Error('at once')), succeeded(2)]);
  });
});
