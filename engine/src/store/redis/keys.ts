/**
 * Every Redis key name of the seat store. All keys of one event share the hash tag
 * `{ev:<eventId>}`, so one Lua script may touch them all, also on Redis Cluster.
 *
 * @example
 * const keys = new Keys('pt:');
 * keys.event('e1');   // ['pt:{ev:e1}:status', 'pt:{ev:e1}:meta', …] (the 7 standard KEYS)
 * keys.hold('e1', 'tok'); // 'pt:{ev:e1}:hold:tok'
 */
export class Keys {
  constructor(readonly prefix = 'pt:') {}

  /** `<prefix>{ev:<eventId>}:` — scripts build token keys of other tokens from it. */
  base(eventId: string): string {
    return `${this.prefix}{ev:${eventId}}:`;
  }

  /** The standard KEYS[1..7] of every script: status, meta, owner, expiry, ga, seq, log. */
  event(eventId: string): string[] {
    const b = this.base(eventId);
    return [`${b}status`, `${b}meta`, `${b}owner`, `${b}expiry`, `${b}ga`, `${b}seq`, `${b}log`];
  }

  hold(eventId: string, token: string): string {
    return `${this.base(eventId)}hold:${token}`;
  }

  holdGa(eventId: string, token: string): string {
    return `${this.base(eventId)}holdga:${token}`;
  }

  /** The standard keys plus one token's keys: KEYS[1..9] of the token scripts. */
  withToken(eventId: string, token: string): string[] {
    return [...this.event(eventId), this.hold(eventId, token), this.holdGa(eventId, token)];
  }

  /** Pub/sub channel of "<eventId> <seq>" change notifications (not a key: no slot). */
  changes(): string {
    return `${this.prefix}changes`;
  }

  /** Zset eventId → latest hold expiry seen, read by the sweeper (`activeEvents`). */
  active(): string {
    return `${this.prefix}active`;
  }
}
