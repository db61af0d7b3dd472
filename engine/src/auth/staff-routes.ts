// The /auth routes: staff login (sets the HTTP-only session cookie), logout, who am I, password
// change and switching organisation. They live in the route registry like every other route, so
// they are documented in openapi.json. Login needs no credentials; the rest need a staff session.
import type { Request } from 'express';
import { DomainError } from '../errors.ts';
import type { ApiRouter } from '../http/api-router.ts';
import type { StaffAuth } from './authenticate.ts';
import type { RequestOrigin } from './session-audit.ts';
import { sessionCookie, sessionToken } from './session-cookie.ts';
import {
  LoginBody,
  LogoutResult,
  PasswordBody,
  PasswordResult,
  SessionViewSchema,
  SwitchBody,
} from './staff-schemas.ts';
import { changePassword, describeSession, login, logout, switchOrganisation } from './users.ts';

/** One message for an unknown email and a wrong password: no user enumeration. */
const WRONG_CREDENTIALS = 'Wrong email or password';

/** The session token of a request a guard already authenticated by cookie. */
function tokenOf(req: Request): string {
  const token = sessionToken(req.headers);
  if (!token) throw new DomainError('FORBIDDEN', 'This operation needs the session cookie');
  return token;
}

/** The client address (Express's TRUST_PROXY rules), for throttling and the audit log. */
const originOf = (req: Request): RequestOrigin => ({
  address: req.ip ?? req.socket.remoteAddress ?? '',
});

function registerLogin(api: ApiRouter, staff: StaffAuth): void {
  api.add({
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    summary: 'Log in as a staff member; sets the HTTP-only session cookie parterre_session',
    tag: 'auth',
    access: 'none',
    role: 'viewer',
    body: LoginBody,
    responses: { 200: { description: 'Logged in', schema: SessionViewSchema } },
    errors: [401, 403, 429],
    handler: async ({ body, req, res }) => {
      const origin = originOf(req);
      const { address } = origin;
      staff.throttle.check(body.email, address);
      const session = await login(staff.db, body.email, body.password, body.orgId, origin);
      if (!session) {
        staff.throttle.failed(body.email, address);
        throw new DomainError('UNAUTHORIZED', WRONG_CREDENTIALS);
      }
      staff.throttle.succeeded(body.email, address);
      res.append('Set-Cookie', sessionCookie(session.token, req.headers, req.secure));
      return { body: session.view };
    },
  });
}

function registerSessionRoutes(api: ApiRouter, staff: StaffAuth): void {
  api.add({
    method: 'post',
    path: '/auth/logout',
    operationId: 'logout',
    summary: 'End the staff session and clear its cookie',
    tag: 'auth',
    access: 'staff',
    role: 'viewer',
    responses: { 200: { description: 'Logged out', schema: LogoutResult } },
    errors: [],
    handler: async ({ principal, req, res }) => {
      await logout(staff.db, tokenOf(req), originOf(req));
      staff.sessionsChanged(principal.keyId);
      res.append('Set-Cookie', sessionCookie(null, req.headers, req.secure));
      return { body: { loggedOut: true } };
    },
  });
  api.add({
    method: 'get',
    path: '/auth/me',
    operationId: 'me',
    summary: 'The logged-in user, their organisations and roles, and the active organisation',
    tag: 'auth',
    access: 'staff',
    role: 'viewer',
    responses: { 200: { description: 'The session', schema: SessionViewSchema } },
    errors: [],
    handler: async ({ principal }) => {
      return { body: await describeSession(staff.db, principal) };
    },
  });
}

function registerAccountRoutes(api: ApiRouter, staff: StaffAuth): void {
  api.add({
    method: 'post',
    path: '/auth/password',
    operationId: 'changePassword',
    summary: "Change the user's password; every other session of the user ends",
    tag: 'auth',
    access: 'staff',
    role: 'viewer',
    body: PasswordBody,
    responses: { 200: { description: 'Changed', schema: PasswordResult } },
    errors: [403],
    handler: async ({ principal, body, req }) => {
      const changed = await changePassword(
        staff.db,
        tokenOf(req),
        principal.keyId,
        { current: body.currentPassword, next: body.newPassword },
        originOf(req),
      );
      staff.sessionsChanged(principal.keyId);
      return { body: changed };
    },
  });
  api.add({
    method: 'post',
    path: '/auth/switch',
    operationId: 'switchOrganisation',
    summary: "Make another of the user's organisations the session's active one",
    tag: 'auth',
    access: 'staff',
    role: 'viewer',
    body: SwitchBody,
    responses: { 200: { description: 'Switched', schema: SessionViewSchema } },
    errors: [404],
    handler: async ({ principal, body, req }) => {
      const view = await switchOrganisation(
        staff.db,
        tokenOf(req),
        principal,
        body.orgId,
        originOf(req),
      );
      staff.sessionsChanged(principal.keyId);
      return { body: view };
    },
  });
}

/**
 * Registers the /auth routes on the API router.
 * @example registerStaffRoutes(api, authenticator.staff);
 */
export function registerStaffRoutes(api: ApiRouter, staff: StaffAuth): void {
  registerLogin(api, staff);
  registerSessionRoutes(api, staff);
  registerAccountRoutes(api, staff);
}
