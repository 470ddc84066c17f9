/**
 * Runs the tasks of one session one after another, in the order they were handed in, while tasks
 * of different sessions run side by side. The consumer handles the deliveries it holds at once;
 * without this a chat's "resolved" and "closed" lines could be written in either order.
 */
export function inSessionOrder(): <T>(sessionId: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<void>>();
  return <T>(sessionId: string, task: () => Promise<T>): Promise<T> => {
    const result = (tails.get(sessionId) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(sessionId, tail);
    void tail.then(() => {
      if (tails.get(sessionId) === tail) tails.delete(sessionId);
    });
    return result;
  };
}
