// CORS for the API, per key: each API key may list the browser origins it is used from
// (api_keys.allowed_origins; empty: any origin). The allowed origins depend on the key in the
// Authorization header, which preflight requests never carry, so preflights are answered
// permissively for the API's methods and headers, and the origin is enforced on the actual
// request once its key is known: a refused origin gets 403 FORBIDDEN and no
// Access-Control-Allow-Origin, so the browser cannot read even that answer.
import type { RequestHandler, Response } from 'express';
import { getApiKeyOrigins } from '../auth/repo.ts';
import type { Db } from '../db/db.ts';
import { DomainError, type Principal } from '../errors.ts';

const METHODS = 'GET, POST, PUT, PATCH, DELETE';
/** Answer headers a browser script may read beyond the CORS-safelisted ones. */
const EXPOSED = 'Date, ETag, Location, Retry-After, X-Request-Id';
/** Browsers cache a preflight this long (s); the key check happens on every request anyway. */
const PREFLIGHT_MAX_AGE = '600';

/**
 * CORS headers for the API router: answers preflights (204) and, on every request that has an
 * Origin, allows it provisionally — the origin guard withdraws that when the key refuses it.
 * @example app.use('/api/v1', apiCors, express.json(), api.router);
 */
export const apiCors: RequestHandler = (req, res, next) => {
  const origin = req.headers.origin;
  if (!origin) {
    next();
    return;
  }
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.append('Vary', 'Origin');
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.setHeader('Access-Control-Allow-Methods', METHODS);
    const asked = req.headers['access-control-request-headers'];
    if (asked) res.setHeader('Access-Control-Allow-Headers', asked);
    res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
    res.append('Vary', 'Access-Control-Request-Headers');
    res.status(204).end();
    return;
  }
  res.setHeader('Access-Control-Expose-Headers', EXPOSED);
  next();
};

/** Enforces each key's allowed origins on actual API requests. */
export interface OriginGuard {
  /**
   * Whether a request from `origin` may use the principal's key: no Origin (servers), staff
   * sessions (their cookie has its own cross-site rule) and keys without an allow-list pass.
   * Socket handshakes use this directly (see live/engine-deps.ts).
   */
  allows(principal: Principal, origin: string | undefined): Promise<boolean>;
  /**
   * Throws 403 FORBIDDEN (and withdraws Access-Control-Allow-Origin) when `origin` is set and not
   * one the principal's key allows. Requests without Origin (servers, same-origin GETs) pass.
   */
  assertAllowed(principal: Principal, origin: string | undefined, res: Response): Promise<void>;
}

export interface OriginGuardOptions {
  /** How long a key's origins are trusted on this node (ms). Default 30 s, like key lookups. */
  ttlMs?: number;
  /** Keys whose origins are cached at most; the oldest go first. */
  maxEntries?: number;
}

/**
 * An origin guard reading allow-lists from `db`, cached per key for `ttlMs`: only requests that
 * carry an Origin pay a lookup, at most once per key and TTL.
 * @example await createOriginGuard(db).assertAllowed(principal, req.headers.origin, res);
 */
export function createOriginGuard(db: Db, options: OriginGuardOptions = {}): OriginGuard {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { at: number; origins: Promise<string[]> }>();

  const originsOf = (principal: Principal): Promise<string[]> => {
    const now = Date.now();
    const hit = cache.get(principal.keyId);
    if (hit && now - hit.at <= ttlMs) return hit.origins;
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    const origins = getApiKeyOrigins(db, principal.orgId, principal.keyId).then((o) => o ?? []);
    const entry = { at: now, origins };
    cache.set(principal.keyId, entry);
    // A failed lookup (database down) must not be remembered.
    origins.catch(() => cache.get(principal.keyId) === entry && cache.delete(principal.keyId));
    return origins;
  };

  const allows = async (principal: Principal, origin: string | undefined) => {
    // Staff sessions are not API keys and have no allow-list; their cookies are the session's concern.
    if (!origin || principal.kind === 'staff') return true;
    const allowed = await originsOf(principal);
    return allowed.length === 0 || allowed.includes(origin);
  };

  return {
    allows,
    async assertAllowed(principal, origin, res) {
      if (await allows(principal, origin)) return;
      res.removeHeader('Access-Control-Allow-Origin');
      res.removeHeader('Access-Control-Expose-Headers');
      throw new DomainError(
        'FORBIDDEN',
        `Origin ${origin} is not allowed to use this API key; the key's allowed origins are set by its organisation`,
      );
    },
  };
}
