// Slows down password guessing: after a few failed logins for one email from one address, further
// attempts are refused for a while without checking the password. In memory, per node: a guesser
// spread over N nodes gets N times the attempts, still far too few to matter against scrypt and a
// minimum length.
import { DomainError } from '../errors.ts';

export interface LoginThrottleOptions {
  /** Failed attempts allowed per window. Default 5. */
  maxFailures?: number;
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
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  const keyOf = (email: string, address: string) => `${email.trim().toLowerCase()}\n${address}`;
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
      const entry = live(keyOf(email, address), now);
      if (!entry || entry.failures < maxFailures) return;
      const retryAfterSeconds = Math.ceil((entry.since + windowMs - now) / 1000);
      throw new DomainError(
        'RATE_LIMITED',
        `Too many failed logins for this account from this address; try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    },
    failed(email, address) {
      const key = keyOf(email, address);
      const now = Date.now();
      const entry = live(key, now);
      if (entry) {
        entry.failures += 1;
        return;
      }
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { since: now, failures: 1 });
    },
    succeeded(email, address) {
      entries.delete(keyOf(email, address));
    },
  };
}
