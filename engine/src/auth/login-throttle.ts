// Slows down password guessing: after a few failed logins for one email from one address, further
// attempts are refused for a while without checking the password; an address that fails for many
// emails (password spraying) is refused too. In memory, per node: a guesser spread over N nodes
// gets N times the attempts, still far too few to matter against scrypt and a minimum length.
import { DomainError } from '../errors.ts';

export interface LoginThrottleOptions {
  /** Failed attempts allowed per email + address and window. Default 5. */
  maxFailures?: number;
  /** Failed attempts allowed per address (any email) and window. Default 50. */
  maxFailuresPerAddress?: number;
  /** Default 15 minutes. */
  windowMs?: number;
  /** Entries kept at most; the oldest go first. Default 10 000. */
  maxEntries?: number;
}

interface Entry {
  since: number;
  failures: number;
}

/** Counts failed logins per email + address. */
export interface LoginThrottle {
  /** Refuses with 429 RATE_LIMITED while this email + address is locked out. */
  check(email: string, address: string): void;
  /** Records a failed attempt. */
  failed(email: string, address: string): void;
  /** Forgets the failures of this email + address (after a successful login). */
  succeeded(email: string, address: string): void;
}

/**
 * An in-memory login throttle.
 * @example
 * throttle.check(email, ip);
 * (await login(...)) ? throttle.succeeded(email, ip) : throttle.failed(email, ip);
 */
export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const maxFailures = options.maxFailures ?? 5;
  const maxPerAddress = options.maxFailuresPerAddress ?? 50;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  const keyOf = (email: string, address: string) => `${email.trim().toLowerCase()}\n${address}`;
  // The address alone, under a key no email + address key can take (emails have no newline).
  const addressKey = (address: string) => `\n${address}`;
  const live = (key: string, now: number) => {
    const entry = entries.get(key);
    if (entry && now - entry.since >= windowMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    check(email, address) {
      const now = Date.now();
      const entry = [
        { entry: live(keyOf(email, address), now), max: maxFailures },
        { entry: live(addressKey(address), now), max: maxPerAddress },
      ].find((c) => c.entry && c.entry.failures >= c.max)?.entry;
      if (!entry) return;
      const retryAfterSeconds = Math.ceil((entry.since + windowMs - now) / 1000);
      throw new DomainError(
        'RATE_LIMITED',
        `Too many failed logins from this address; try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    },
    failed(email, address) {
      const now = Date.now();
      for (const key of [keyOf(email, address), addressKey(address)]) {
        const entry = live(key, now);
        if (entry) {
          entry.failures += 1;
          continue;
        }
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(key, { since: now, failures: 1 });
      }
    },
    succeeded(email, address) {
      entries.delete(keyOf(email, address));
    },
  };
}
