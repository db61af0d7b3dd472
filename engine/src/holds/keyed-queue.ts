// Runs tasks one at a time per key. Best-available searches of one event are queued on each node:
// concurrent searches would all read the same snapshot, pick the same best block, and all but one
// would lose the hold and search again (a thundering herd). Queued, each search sees the seats the
// previous one took. Across nodes the store's all-or-nothing hold still decides.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * Runs `task` after every earlier task of `key` settled.
   * @example await queue.run(eventId, () => searchAndHold());
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
