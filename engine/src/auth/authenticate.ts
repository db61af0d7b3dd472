// Turns a bearer key into a Principal. Every API request authenticates, so lookups are cached in
// memory for a short TTL: a hot key costs one SHA-256 and one Map lookup instead of a database
// round trip. A revocation is broadcast to every node (key-revocations.ts), which drops the key's
// entries at once; `ttlMs` only bounds how long a revoked key works on a node that missed it.
import type { Db } from '../db/db.ts';
import { DomainError, type Principal } from '../errors.ts';
import {
  createLoginThrottle,
  type LoginThrottle,
  type LoginThrottleOptions,
} from './login-throttle.ts';
import { API_KEY_FORMAT, findApiKeyByHash, hashApiKey, touchApiKey } from './repo.ts';
import type { KeyRevocations } from './key-revocations.ts';
import { LocalSignals } from '../pubsub/node-signals.ts';
import { LocalSessionSignals, type SessionSignals } from './session-signals.ts';
import { sessionPrincipal } from './users.ts';

export interface AuthenticatorOptions {
  /** How long a lookup (found or not) is trusted. Default 30 s. */
  ttlMs?: number;
  /** last_used_at is written at most this often per key. Default 60 s. */
  touchIntervalMs?: number;
  /** Cache entries kept at most; the oldest go first. Bounds memory under random-key floods. */
  maxEntries?: number;
  /** Called when writing last_used_at fails (it is informational, so requests go on). */
  onTouchError?: (err: unknown) => void;
  /** Limits on failed staff logins. */
  loginThrottle?: LoginThrottleOptions;
  /**
   * Carries {@link StaffAuth.sessionsChanged} to every node (Redis, see context.ts); default:
   * this process only. The caller closes it.
   */
  sessionSignals?: SessionSignals;
  /**
   * Carries {@link Authenticator.revoked} to every node (Redis, see context.ts); default: this
   * process only. The caller closes it.
   */
  keyRevocations?: KeyRevocations;
}

/**
 * Staff sessions. They are not cached, unlike keys: a logout, a password change or a removed
 * membership must end access at once, and staff traffic is small next to the public hot paths.
 */
export interface StaffAuth {
  /** The database users and sessions live in (for the /auth routes). */
  readonly db: Db;
  /** Failed logins per email + address on this node. */
  readonly throttle: LoginThrottle;
  /** The principal of a live session token, with the user's role; null for anything else. */
  principal(token: string): Promise<Principal | null>;
  /**
   * Tells every node's listeners (this node's at once) that some sessions of a user ended or
   * changed organisation (logout, password change, switch), so live sockets re-check theirs.
   */
  sessionsChanged(userId: string): void;
  /** Listens for {@link sessionsChanged} of any node; returns the function that stops listening. */
  onSessionsChanged(listener: (userId: string) => void): () => void;
  /** Resolves once this node hears other nodes' {@link sessionsChanged}. */
  listening(): Promise<void>;
}

/** A live key's principal and when it stops authenticating (ms since the epoch; null: never). */
interface Found {
  principal: Principal;
  expiresAt: number | null;
}

interface Entry {
  at: number;
  found: Promise<Found | null>;
  /** Set once the lookup has settled: the key found (null: none), so a revocation finds it. */
  keyId?: string | null;
}

/** Resolves bearer keys to principals, with a bounded in-memory cache. */
export interface Authenticator {
  /**
   * The principal of a well-formed, live key; null for anything else. Throws UNAUTHORIZED naming
   * the time for a key that has expired (door keys), so the phone says why.
   */
  authenticate(bearer: string): Promise<Principal | null>;
  /** Drops every cached lookup. */
  clear(): void;
  /**
   * Drops the keys' cached lookups on this node at once and on every other node through Redis;
   * call it after the revocation has committed.
   */
  revoked(keyIds: readonly string[]): void;
  /**
   * Listens for {@link revoked} of any node, called after this node dropped the keys; returns the
   * function that stops listening.
   */
  onRevoked(listener: (keyIds: readonly string[]) => void): () => void;
  /** Resolves once this node hears other nodes' {@link revoked} (tests wait for it). */
  hearsRevocations(): Promise<void>;
  /** Staff session authentication. */
  readonly staff: StaffAuth;
}

/**
 * An authenticator over `db` with its own cache.
 * @example
 * const auth = createAuthenticator(db);
 * const principal = await auth.authenticate('sk_…'); // { orgId, kind: 'secret', keyId } | null
 */
export function createAuthenticator(db: Db, options: AuthenticatorOptions = {}): Authenticator {
  const ttlMs = options.ttlMs ?? 30_000;
  const touchIntervalMs = options.touchIntervalMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, Entry>();
  const touched = new Map<string, number>();

  const lookup = async (hash: string): Promise<Found | null> => {
    const record = await findApiKeyByHash(db, hash);
    if (!record) return null;
    const principal: Principal = { orgId: record.orgId, kind: record.kind, keyId: record.id };
    if (record.eventId) principal.eventId = record.eventId;
    return { principal, expiresAt: record.expiresAt?.getTime() ?? null };
  };

  const touch = (keyId: string, now: number) => {
    if (now - (touched.get(keyId) ?? -Infinity) < touchIntervalMs) return;
    touched.set(keyId, now);
    touchApiKey(db, keyId).catch((err: unknown) => options.onTouchError?.(err));
  };

  const signals = options.sessionSignals ?? new LocalSessionSignals();
  const revocations = options.keyRevocations ?? new LocalSignals<readonly string[]>();
  // A lookup still in flight may have read the key before the revocation committed, so unsettled
  // entries go too; their waiting requests were concurrent with the revocation anyway.
  revocations.subscribe((keyIds) => {
    const gone = new Set(keyIds);
    for (const [hash, entry] of cache) {
      if (entry.keyId === undefined || (entry.keyId !== null && gone.has(entry.keyId))) {
        cache.delete(hash);
      }
    }
  });

  return {
    async authenticate(bearer) {
      if (!API_KEY_FORMAT.test(bearer)) return null;
      const hash = hashApiKey(bearer);
      const now = Date.now();
      let entry = cache.get(hash);
      if (!entry || now - entry.at > ttlMs) {
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
        const fresh: Entry = { at: now, found: lookup(hash) };
        fresh.found.then(
          (found) => (fresh.keyId = found?.principal.keyId ?? null),
          () => undefined,
        );
        cache.set(hash, fresh);
        // A failed lookup (database down) must not be remembered as "no such key".
        fresh.found.catch(() => cache.get(hash) === fresh && cache.delete(hash));
        entry = fresh;
      }
      const found = await entry.found;
      if (!found) return null;
      // Checked on every use, not at lookup: a cached key expires on time.
      if (found.expiresAt !== null && found.expiresAt <= Date.now()) {
        const at = new Date(found.expiresAt).toISOString();
        throw new DomainError(
          'UNAUTHORIZED',
          `This door key expired at ${at}; ask the box office for a new door link`,
          { expiredAt: at },
        );
      }
      touch(found.principal.keyId, now);
      return found.principal;
    },
    clear() {
      cache.clear();
    },
    revoked: (keyIds) => {
      if (keyIds.length > 0) revocations.publish(keyIds);
    },
    onRevoked: (listener) => revocations.subscribe(listener),
    hearsRevocations: () => revocations.ready(),
    staff: {
      db,
      throttle: createLoginThrottle(options.loginThrottle),
      principal: (token) => sessionPrincipal(db, token),
      sessionsChanged: (userId) => signals.publish(userId),
      onSessionsChanged: (listener) => signals.subscribe(listener),
      listening: () => signals.ready(),
    },
  };
}
