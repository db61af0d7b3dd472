// Express middleware for API-key auth. The principal lives in res.locals so handlers read it
// through `principalOf(res)` instead of widening Express's Request type globally.
import type { RequestHandler, Response } from 'express';
import { DomainError, type Principal } from '../errors.ts';
import type { Authenticator } from './authenticate.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Requires `Authorization: Bearer <key>` with a live key; 401 UNAUTHORIZED otherwise.
 * @example router.use(requireKey(createAuthenticator(db)));
 */
export function requireKey(auth: Authenticator): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) {
      throw new DomainError(
        'UNAUTHORIZED',
        'Missing API key: send "Authorization: Bearer <key>" with a secret (sk_…) or public (pk_…) key',
      );
    }
    const bearer = BEARER.exec(header)?.[1];
    if (!bearer) {
      throw new DomainError(
        'UNAUTHORIZED',
        'Malformed Authorization header: expected "Bearer <key>"',
      );
    }
    const principal = await auth.authenticate(bearer);
    if (!principal) {
      throw new DomainError('UNAUTHORIZED', 'Invalid or revoked API key');
    }
    res.locals.principal = principal;
    next();
  };
}

/** Refuses public keys with 403 FORBIDDEN; secret keys and staff sessions pass. */
export const requireSecret: RequestHandler = (_req, res, next) => {
  if (principalOf(res).kind === 'public') {
    throw new DomainError(
      'FORBIDDEN',
      'This operation needs a secret key (sk_…); public keys may only read layout and availability, hold, release and extend holds',
    );
  }
  next();
};

/** The principal `requireKey` attached to this response. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('principalOf called on a route without requireKey');
  return principal;
}
