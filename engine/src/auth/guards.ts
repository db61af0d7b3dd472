// Bearer-key checks for the REST layer. They are plain functions rather than Express middleware
// so each route runs them inside its one handler: every middleware layer is another trip through
// Express's router on the hottest paths (hold, release).
import { DomainError, type Principal } from '../errors.ts';
import type { Authenticator } from './authenticate.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The principal of an `Authorization: Bearer <key>` header; 401 UNAUTHORIZED when it is missing,
 * malformed, or names no live key.
 * @example const principal = await principalFromHeader(auth, req.headers.authorization);
 */
export async function principalFromHeader(
  auth: Authenticator,
  header: string | undefined,
): Promise<Principal> {
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
  if (!principal) throw new DomainError('UNAUTHORIZED', 'Invalid or revoked API key');
  return principal;
}

/** Refuses public keys with 403 FORBIDDEN; secret keys and staff sessions pass. */
export function assertSecret(principal: Principal): void {
  if (principal.kind === 'public') {
    throw new DomainError(
      'FORBIDDEN',
      'This operation needs a secret key (sk_…); public keys may only read layout and availability, hold, release and extend holds',
    );
  }
}
