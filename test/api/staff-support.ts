// Staff users for the API tests: creates users with a role in an organisation and logs them in,
// returning the session cookie to send back (the harness's call() takes it as a header).
import { expect } from 'vitest';
import { addMembership, createUser, type User } from '../../engine/src/auth/users.ts';
import type { StaffRole } from '../../engine/src/auth/roles.ts';
import { uniqueName } from '../support/services.ts';
import type { ApiHarness, ApiResponse } from './harness.ts';

export const PASSWORD = 'correct horse battery staple';

/** A new user with `role` in `orgId` (and nowhere else). */
export async function staffUser(api: ApiHarness, orgId: string, role: StaffRole): Promise<User> {
  const user = await createUser(api.engine.ctx.db, {
    email: `${uniqueName(role)}@staff.example`,
    name: `A ${role}`,
    password: PASSWORD,
  });
  await addMembership(api.engine.ctx.db, user.id, orgId, role);
  return user;
}

/** The `name=value` of the session cookie a login answer set. */
export function cookieOf(res: ApiResponse): string {
  const set = res.headers.get('set-cookie') ?? '';
  const pair = /parterre_session=[^;]*/.exec(set)?.[0];
  expect(pair).toBeDefined();
  return pair!;
}

/** Logs in and returns the headers a page of ours would send with the session. */
export async function loginHeaders(
  api: ApiHarness,
  email: string,
  password = PASSWORD,
): Promise<{ cookie: string; 'x-requested-with': string }> {
  const res = await api.call('POST', '/api/v1/auth/login', { body: { email, password } });
  expect(res.status).toBe(200);
  return { cookie: cookieOf(res), 'x-requested-with': 'parterre' };
}
