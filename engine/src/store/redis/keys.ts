/**
 * Every Redis key name of the seat store. All keys of one event share the hash tag
 * `{ev:<eventId>}`, so one Lua script may touch them all, also on Redis Cluster.
 *
 * @example
 * const keys = new Keys('pt:');
 * keys.event('e1');   // ['pt:{ev:e1}:status', 'pt:{ev:e1}:meta', …] (the 7 standard KEYS)
 * keys.hold('e1', 'tok'); // 'pt:{ev:e1}:hold:tok' (built inside the scripts)
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

  /**
   * A token's set of seats. Scripts build token keys from `base` (as `holdPrefix .. token` in
   * state.lua) because expiry and forced bookings reach tokens the caller cannot name.
   */
  hold(eventId: string, token: string): string {
    return `${this.base(eventId)}hold:${token}`;
  }

  /** A token's GA quantities (area → qty); built in scripts like {@link Keys.hold}. */
  holdGa(eventId: string, token: string): string {
    return `${this.base(eventId)}holdga:${token}`;
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
