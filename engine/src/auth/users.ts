// Staff accounts and their login sessions. A session is a random 32-byte token in an HTTP-only
// cookie; only its SHA-256 is stored (like API keys: 256 random bits need no slow hash). Each
// session acts for one organisation at a time, the active one, which the user can switch among
// those they belong to. The role is read from the membership on every request, so removing a
// member or changing a role takes effect at once.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { UniqueViolation } from '../db/errors.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import { DomainError, type Principal } from '../errors.ts';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import type { StaffRole } from './roles.ts';
import {
  auditAccount,
  auditSession,
  recordLoginFailure,
  SESSION_ACTIONS,
  type RequestOrigin,
} from './session-audit.ts';
import {
  deleteOtherSessions,
  deleteSession,
  findLiveSession,
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  listMemberships,
  updatePasswordHash,
  updateSessionOrg,
  upsertMembership,
  type Membership,
  type User,
} from './user-repo.ts';

export type { Membership, User } from './user-repo.ts';

/** How long a session lives after login. A working day and then some; not extended by use. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** 32 bytes in base64url. */
export const SESSION_TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What a logged-in user sees of their session. */
export interface SessionView {
  user: User;
  organisations: Membership[];
  activeOrg: Membership;
}

/** The stored id of a session token. */
export const sessionId = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** The email as stored: trimmed, lower-case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Creates a staff user. Refuses (VALIDATION_FAILED) an invalid or taken email, an empty name and
 * a password that is too short or too long.
 * @example const user = await createUser(db, { email: 'ada@opera.example', name: 'Ada', password });
 */
export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<User> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const fields: Record<string, string> = {};
  if (!EMAIL.test(email) || email.length > 254) fields.email = 'not a valid email address';
  if (!name || name.length > 200) fields.name = 'must have 1 to 200 characters';
  const weak = passwordProblem(input.password);
  if (weak) fields.password = weak;
  if (Object.keys(fields).length > 0) {
    const what = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
    throw new DomainError('VALIDATION_FAILED', `Cannot create user: ${what.join('; ')}`, {
      fields,
    });
  }
  const id = `usr_${randomBytes(12).toString('base64url')}`;
  try {
    return await insertUser(db, {
      id,
      email,
      name,
      passwordHash: await hashPassword(input.password),
    });
  } catch (err) {
    if (!(err instanceof UniqueViolation)) throw err;
    throw new DomainError('VALIDATION_FAILED', `A user with email ${email} already exists`, {
      fields: { email: 'already taken' },
    });
  }
}

/** The user with this email (any case), or undefined. */
export async function findUser(db: Db, email: string): Promise<User | undefined> {
  const found = await findUserByEmail(db, normaliseEmail(email));
  if (!found) return undefined;
  const { passwordHash: _hash, ...user } = found;
  return user;
}

/**
 * Gives a user a role in an organisation (or changes the role it has there).
 * @example await addMembership(db, user.id, org.id, 'boxoffice');
 */
export function addMembership(db: Db, userId: string, orgId: string, role: StaffRole) {
  return upsertMembership(db, userId, orgId, role);
}

/** Where a request came from, for the audit log; the CLI and tests have no address. */
const NO_ORIGIN: RequestOrigin = { address: '' };

/**
 * Checks the credentials and opens a session in `orgId` (or the first organisation by name).
 * Resolves to null for an unknown email or a wrong password alike, after the same work (the
 * failure is audited, see session-audit.ts). The session and its `auth.login` entry are written
 * in one transaction.
 * @throws DomainError FORBIDDEN when the user belongs to no organisation (or not to `orgId`).
 * @example const s = await login(db, 'ada@opera.example', password); // { token, view } | null
 */
export async function login(
  db: Db,
  email: string,
  password: string,
  orgId?: string,
  origin = NO_ORIGIN,
): Promise<{ token: string; view: SessionView } | null> {
  const normalised = normaliseEmail(email);
  const found = await findUserByEmail(db, normalised);
  const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
  if (!found || !ok) {
    await recordLoginFailure(db, { email: normalised, userId: found?.id, ...origin });
    return null;
  }
  const { passwordHash: _hash, ...user } = found;
  const organisations = await listMemberships(db, user.id);
  const activeOrg = orgId ? organisations.find((m) => m.orgId === orgId) : organisations[0];
  if (!activeOrg) {
    throw new DomainError(
      'FORBIDDEN',
      orgId
        ? `You are not a member of organisation ${orgId}`
        : 'This account belongs to no organisation yet; ask an owner to add you',
    );
  }
  const token = randomBytes(32).toString('base64url');
  await inOrg(db, activeOrg.orgId, async (tx) => {
    await insertSession(tx, {
      id: sessionId(token),
      userId: user.id,
      orgId: activeOrg.orgId,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    });
    await auditSession(tx, activeOrg.orgId, user.id, SESSION_ACTIONS.login, origin);
  });
  return { token, view: { user, organisations, activeOrg } };
}

/** The principal of a live session token, or null (unknown, expired, or no longer a member). */
export async function sessionPrincipal(db: Db, token: string): Promise<Principal | null> {
  if (!SESSION_TOKEN_FORMAT.test(token)) return null;
  const s = await findLiveSession(db, sessionId(token));
  return s ? { orgId: s.orgId, kind: 'staff', keyId: s.userId, role: s.role } : null;
}

/**
 * Ends the session of this token and audits it in the organisation it acted for (nothing happens
 * for an unknown token).
 */
export async function logout(db: Db, token: string, origin = NO_ORIGIN): Promise<void> {
  await asSystem(db, async (tx) => {
    const ended = await deleteSession(tx, sessionId(token));
    if (!ended) return;
    await inOrg(tx, ended.orgId, (org) =>
      auditSession(org, ended.orgId, ended.userId, SESSION_ACTIONS.logout, origin),
    );
  });
}

/** The user, their organisations and the active one, for a staff principal. */
export async function describeSession(db: Db, principal: Principal): Promise<SessionView> {
  const found = await findUserById(db, principal.keyId);
  if (!found) throw new DomainError('UNAUTHORIZED', 'This session has ended; log in again');
  const { passwordHash: _hash, ...user } = found;
  const organisations = await listMemberships(db, user.id);
  const activeOrg = organisations.find((m) => m.orgId === principal.orgId);
  if (!activeOrg) throw new DomainError('UNAUTHORIZED', 'This session has ended; log in again');
  return { user, organisations, activeOrg };
}

/**
 * Changes the password of the session's user after checking the current one, and ends every
 * other session of the user (a stolen cookie stops working); the calling session stays. Audited
 * in every organisation of the user, in the same transaction.
 * @throws DomainError FORBIDDEN for a wrong current password, VALIDATION_FAILED for a weak new one.
 */
export async function changePassword(
  db: Db,
  token: string,
  userId: string,
  passwords: { current: string; next: string },
  origin = NO_ORIGIN,
): Promise<{ endedSessions: number }> {
  const { current, next } = passwords;
  const found = await findUserById(db, userId);
  if (!found || !(await verifyPassword(current, found.passwordHash))) {
    throw new DomainError('FORBIDDEN', 'The current password is not correct');
  }
  const weak = passwordProblem(next);
  if (weak) {
    throw new DomainError('VALIDATION_FAILED', `Cannot change the password: ${weak}`, {
      fields: { newPassword: weak },
    });
  }
  const hash = await hashPassword(next);
  return asSystem(db, async (tx) => {
    await updatePasswordHash(tx, userId, hash);
    const endedSessions = await deleteOtherSessions(tx, userId, sessionId(token));
    await auditAccount(tx, userId, SESSION_ACTIONS.passwordChange, origin);
    return { endedSessions };
  });
}

/**
 * Makes `orgId` the session's active organisation. Audited in both organisations, each entry
 * without the other's id: `auth.switch_out` in the one left, `auth.switch_in` in `orgId`.
 * @throws DomainError NOT_FOUND when the user is not a member of it (as for a missing id).
 */
export async function switchOrganisation(
  db: Db,
  token: string,
  principal: Principal,
  orgId: string,
  origin = NO_ORIGIN,
): Promise<SessionView> {
  const userId = principal.keyId;
  const organisations = await listMemberships(db, userId);
  const activeOrg = organisations.find((m) => m.orgId === orgId);
  if (!activeOrg) throw new DomainError('NOT_FOUND', `No organisation ${orgId} among yours`);
  await asSystem(db, async (tx) => {
    await updateSessionOrg(tx, sessionId(token), orgId);
    const left = principal.orgId;
    await inOrg(tx, left, (org) =>
      auditSession(org, left, userId, SESSION_ACTIONS.switchOut, origin),
    );
    await inOrg(tx, orgId, (org) =>
      auditSession(org, orgId, userId, SESSION_ACTIONS.switchIn, origin),
    );
  });
  return describeSession(db, { ...principal, orgId });
}
