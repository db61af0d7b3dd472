// Credential checks for the REST layer: a bearer key, or else a staff session cookie. They are
// plain functions rather than Express middleware so each route runs them inside its one handler:
// every middleware layer is another trip through Express's router on the hottest paths (hold,
// release).
import type { IncomingHttpHeaders } from 'node:http';
import { DomainError, type Principal } from '../errors.ts';
import type { Authenticator } from './authenticate.ts';
import { roleAllows, type StaffRole } from './roles.ts';
import { assertNotCrossSite, sessionToken } from './session-cookie.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** What the guards read of a request. */
export interface CredentialSource {
  method: string;
  headers: IncomingHttpHeaders;
}

/** The principal of a staff session cookie, after the cross-site check; 401 when it is not live. */
async function principalFromCookie(
  auth: Authenticator,
  req: CredentialSource,
  token: string,
): Promise<Principal> {
  assertNotCrossSite(req.method, req.headers);
  const principal = await auth.staff.principal(token);
  if (!principal) {
    throw new DomainError('UNAUTHORIZED', 'Your session has ended or is not valid; log in again');
  }
  return principal;
}

/**
 * The principal of an `Authorization: Bearer <key>` header or, without one, of the staff session
 * cookie; 401 UNAUTHORIZED when both are missing, or the one sent is malformed or not live; 403
 * for a cookie-authenticated state change without the cross-site proof (session-cookie.ts).
 * @example const principal = await principalFromHeader(auth, req);
 */
export async function principalFromHeader(
  auth: Authenticator,
  req: CredentialSource,
): Promise<Principal> {
  const header = req.headers.authorization;
  if (!header) {
    const token = sessionToken(req.headers);
    if (token) return principalFromCookie(auth, req, token);
    throw new DomainError(
      'UNAUTHORIZED',
      'Missing API key: send "Authorization: Bearer <key>" with a secret (sk_…) or public (pk_…) key, or log in for a staff session',
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

/**
 * Refuses (403 FORBIDDEN) a staff member whose role in the organisation does not allow a route
 * needing `required` (roles.ts); keys pass (their kind is checked by the access level).
 * @example assertRole(principal, 'boxoffice');
 */
export function assertRole(principal: Principal, required: StaffRole): void {
  if (principal.kind !== 'staff') return;
  const role = principal.role ?? 'viewer';
  if (roleAllows(role, required)) return;
  throw new DomainError(
    'FORBIDDEN',
    `Your role in this organisation (${role}) does not allow this operation; it needs ${required === 'owner' ? 'the owner role' : `the ${required} or owner role`}`,
  );
}

/** Refuses (403 FORBIDDEN) anything but a staff session. */
export function assertStaff(principal: Principal): void {
  if (principal.kind === 'staff') return;
  throw new DomainError(
    'FORBIDDEN',
    'This operation needs a staff session (log in); keys cannot use it',
  );
}

/**
 * What a route without credentials (`access: 'none'`, staff login) receives as its principal: an
 * organisation id no row has, so anything it reached by mistake would find nothing.
 */
export const ANONYMOUS: Readonly<Principal> = Object.freeze({
  orgId: '',
  kind: 'public',
  keyId: '',
});
