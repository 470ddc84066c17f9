import { TopicIndex } from './topic-index';
import { topicMatches } from './topic-pattern';

/** A small deterministic generator, so a failure names the same patterns each run. */
function* words(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state;
  }
}

/** Patterns and keys over three words, drawn from `words(seed)`. */
function generated(seed: number) {
  const vocabulary = ['a', 'b', 'c'];
  const random = words(seed);
  const take = (n: number) => (random.next().value as number) % n;
  const pattern = () => Array.from({ length: 1 + take(4) }, () => [...vocabulary, '*', '#'][take(5)]).join('.');
  const key = () => Array.from({ length: 1 + take(4) }, () => vocabulary[take(3)]).join('.');
  return { take, pattern, key };
}

describe('TopicIndex', () => {
  it('matches as RabbitMQ topic patterns do, for every pattern bound', () => {
    const index = new TopicIndex<string>();
    const patterns = ['session.s1.#', 'session.*.message.created', 'agents.#', '#', 'user.u1.*', 'a.b', '#.created', 'session.#.created', '*', 'a.*.#', 'session.s1.message.created'];
    patterns.forEach((pattern) => index.bind(pattern, pattern));
    const keys = ['session.s1.message.created', 'session.s2.message.created', 'agents', 'agents.queue.changed', 'user.u1.x', 'user.u1.x.y', 'a.b', 'a.b.c', 'a', 'created', 'session.created', 'x.y.z'];
    for (const key of keys) {
      const matched = index.match(key, new Set());
      expect([...matched].sort()).toEqual(patterns.filter((pattern) => topicMatches(pattern, key)).sort());
    }
  });

  it('agrees with the reference matcher on generated patterns and keys', () => {
    const { pattern, key } = generated(42);
    const index = new TopicIndex<string>();
    const bound = new Set(Array.from({ length: 200 }, pattern));
    bound.forEach((p) => index.bind(p, p));
    for (let i = 0; i < 300; i++) {
      const k = key();
      expect([...index.match(k, new Set())].sort()).toEqual([...bound].filter((p) => topicMatches(p, k)).sort());
    }
  });

  it('answers whether any pattern matches as the reference matcher does, with few patterns bound', () => {
    const { take, pattern, key } = generated(7);
    for (let round = 0; round < 50; round++) {
      const index = new TopicIndex<string>();
      const bound = Array.from({ length: 1 + take(4) }, pattern);
      bound.forEach((p) => index.bind(p, p));
      for (let i = 0; i < 30; i++) {
        const k = key();
        expect(index.matches(k)).toBe(bound.some((p) => topicMatches(p, k)));
      }
    }
    expect(new TopicIndex<string>().matches('a')).toBe(false);
  });

  it('gives one value once however many of its patterns match, and forgets unbound ones', () => {
    const index = new TopicIndex<string>();
    index.bind('session.s1.#', 'gw-1');
    index.bind('session.*.message.created', 'gw-1');
    index.bind('session.s1.#', 'gw-1');
    index.bind('session.s1.#', 'gw-2');
    expect([...index.match('session.s1.message.created', new Set())].sort()).toEqual(['gw-1', 'gw-2']);
    index.unbind('session.s1.#', 'gw-1');
    expect([...index.match('session.s1.message.created', new Set())].sort()).toEqual(['gw-1', 'gw-2']);
    index.unbind('session.*.message.created', 'gw-1');
    expect([...index.match('session.s1.message.created', new Set())]).toEqual(['gw-2']);
    index.unbind('session.s9.#', 'gw-2');
    index.unbind('session.s1.#', 'gw-2');
    expect(index.match('session.s1.message.created', new Set()).size).toBe(0);
  });

  it('keeps no words of patterns no longer bound (a gateway binds and unbinds sessions all day)', () => {
    const index = new TopicIndex<number>();
    for (let i = 0; i < 1000; i++) index.bind(`session.${i}.#`, i % 7);
    index.bind('session.42.message.created', 1);
    for (let i = 0; i < 1000; i++) index.unbind(`session.${i}.#`, i % 7);
    expect(index.isEmpty()).toBe(false);
    index.unbind('session.42.message.created', 1);
    expect(index.isEmpty()).toBe(true);
  });
});
