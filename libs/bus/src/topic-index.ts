/** One word of the patterns bound so far: the words that may follow it, and what binds a pattern ending here. */
interface TopicNode<T> {
  next: Map<string, TopicNode<T>>;
  bound: Set<T>;
}

const newNode = <T>(): TopicNode<T> => ({ next: new Map(), bound: new Set() });

/**
 * Topic bindings as RabbitMQ's topic exchange keeps them: a trie over the dot-separated words of
 * the patterns (`*` one word, `#` zero or more). Routing a key walks the words of the key, so its
 * cost follows the key and the wildcards, not the number of bindings (a gateway binds one pattern
 * per session it serves).
 */
export class TopicIndex<T> {
  private readonly root: TopicNode<T> = newNode();

  /** Binds `value` by `pattern`; binding the same pair twice is binding it once. */
  bind(pattern: string, value: T): void {
    let node = this.root;
    for (const word of pattern.split('.')) {
      let child = node.next.get(word);
      if (!child) {
        child = newNode();
        node.next.set(word, child);
      }
      node = child;
    }
    node.bound.add(value);
  }

  /** Removes the pair, and the words no pattern uses any longer. */
  unbind(pattern: string, value: T): void {
    const words = pattern.split('.');
    const path: TopicNode<T>[] = [this.root];
    for (const word of words) {
      const child = path[path.length - 1].next.get(word);
      if (!child) return;
      path.push(child);
    }
    path[path.length - 1].bound.delete(value);
    for (let i = words.length; i > 0; i--) {
      const node = path[i];
      if (node.bound.size > 0 || node.next.size > 0) return;
      path[i - 1].next.delete(words[i - 1]);
    }
  }

  /** Adds to `into` every value bound by a pattern that matches `routingKey` (each once). */
  match(routingKey: string, into: Set<T>): Set<T> {
    const words = routingKey.split('.');
    const visit = (node: TopicNode<T>, at: number): void => {
      const hash = node.next.get('#');
      // `#` takes zero or more words: try every rest of the key after it.
      if (hash) for (let rest = at; rest <= words.length; rest++) visit(hash, rest);
      if (at === words.length) {
        for (const value of node.bound) into.add(value);
        return;
      }
      const exact = node.next.get(words[at]);
      if (exact) visit(exact, at + 1);
      const star = node.next.get('*');
      if (star && star !== exact) visit(star, at + 1);
    };
    visit(this.root, 0);
    return into;
  }

  /** True when some pattern bound matches `routingKey` (stops at the first; allocates no set). */
  matches(routingKey: string): boolean {
    const words = routingKey.split('.');
    const visit = (node: TopicNode<T>, at: number): boolean => {
      const hash = node.next.get('#');
      if (hash) for (let rest = at; rest <= words.length; rest++) if (visit(hash, rest)) return true;
      if (at === words.length) return node.bound.size > 0;
      const exact = node.next.get(words[at]);
      if (exact && visit(exact, at + 1)) return true;
      const star = node.next.get('*');
      return star !== undefined && star !== exact && visit(star, at + 1);
    };
    return visit(this.root, 0);
  }

  /** True when nothing is bound (every word was removed with its last pattern). */
  isEmpty(): boolean {
    return this.root.next.size === 0 && this.root.bound.size === 0;
  }
}
