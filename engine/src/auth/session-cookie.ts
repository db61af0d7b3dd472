// The staff session cookie and the checks that come with cookie authentication. A browser sends
// cookies with requests other sites trigger, so a state-changing request authenticated by the
// cookie must prove it comes from our own pages: either a custom header (which a cross-site form
// cannot set and a cross-site fetch cannot send without a CORS preflight we never grant) or an
// Origin equal to our own host.
import type { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '../errors.ts';
import { SESSION_TTL_MS } from './users.ts';

/** Name of the staff session cookie. */
export const SESSION_COOKIE = 'parterre_session';
/** The header (and value) our own pages send on state-changing requests. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'parterre';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token in a Cookie header, or undefined. */
export function sessionToken(headers: IncomingHttpHeaders): string | undefined {
  const cookie = headers.cookie;
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      return part.slice(eq + 1).trim() || undefined;
    }
  }
  return undefined;
}

/** Whether the client reached us over https (directly or through a proxy that says so). */
function isHttps(headers: IncomingHttpHeaders, encrypted: boolean): boolean {
  const forwarded = headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return encrypted || proto === 'https';
}

/**
 * The Set-Cookie value of a session (or, with token null, of its removal).
 * @example res.append('Set-Cookie', sessionCookie(token, req.headers, req.secure));
 */
export function sessionCookie(
  token: string | null,
  headers: IncomingHttpHeaders,
  encrypted: boolean,
): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (isHttps(headers, encrypted)) attributes.push('Secure');
  attributes.push(token ? `Max-Age=${SESSION_TTL_MS / 1000}` : 'Max-Age=0');
  return [`${SESSION_COOKIE}=${token ?? ''}`, ...attributes].join('; ');
}

function sameOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (!origin || !headers.host) return false;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

/**
 * Refuses (403 FORBIDDEN) a state-changing request that carries neither
 * `X-Requested-With: parterre` nor an Origin matching its Host.
 */
export function assertNotCrossSite(method: string, headers: IncomingHttpHeaders): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  if (headers[CSRF_HEADER] === CSRF_VALUE || sameOrigin(headers)) return;
  throw new DomainError(
    'FORBIDDEN',
    `A request authenticated by the session cookie must send "X-Requested-With: ${CSRF_VALUE}" or an Origin matching the Host (cross-site request refused)`,
  );
}

/**
 * Refuses (403 FORBIDDEN) a socket handshake authenticated by the cookie that another site
 * started (cross-site WebSocket hijacking): browsers send Origin with every WebSocket handshake
 * and cross-origin request, so one that names another host than ours is refused, unless it
 * carries `X-Requested-With: parterre` (which a cross-site page cannot send). A handshake without
 * Origin comes from our own page's same-origin polling or from a program, not from another site.
 */
export function assertSocketNotCrossSite(headers: IncomingHttpHeaders): void {
  if (!headers.origin || headers[CSRF_HEADER] === CSRF_VALUE || sameOrigin(headers)) return;
  throw new DomainError(
    'FORBIDDEN',
    `A live connection authenticated by the session cookie must come from a page of this site (Origin ${headers.origin} is another site)`,
  );
}
