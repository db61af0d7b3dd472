/**
 * A minimal typed event emitter (no dependency, works in browsers and Node). A throwing
 * listener does not stop the others: the SDK must keep syncing whatever the app does.
 *
 * @example
 * const e = new Emitter<{ ping: number }>();
 * const off = e.on('ping', (n) => console.log(n));
 * e.emit('ping', 1);
 * off();
 */
export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  /** Adds a listener; returns its removal. */
  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => this.off(name, listener);
  }

  off<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): void {
    this.listeners.get(name)?.delete(listener as (payload: never) => void);
  }

  /** Whether anyone listens to `name`. */
  has(name: keyof Events): boolean {
    return (this.listeners.get(name)?.size ?? 0) > 0;
  }

  protected emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as (payload: Events[K]) => void)(payload);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }
}
