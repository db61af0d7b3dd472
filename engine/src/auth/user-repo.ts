// SQL of staff users, memberships and sessions. users has no org_id (a person may work for several
// organisations), and sessions are found by token hash before the organisation is known, so these
// statements run in system transactions (asSystem); writes to one organisation's memberships run
// in that organisation's (inOrg), where row-level security applies.
import type { Db } from '../db/db.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import type { StaffRole } from './roles.ts';

/** A staff user, without the password hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
}

/** A user's role in one organisation. */
export interface Membership {
  orgId: string;
  orgName: string;
  role: StaffRole;
}

/** A live session joined with the role its user has in the session's organisation. */
export interface SessionRecord {
  id: string;
  userId: string;
  orgId: string;
  role: StaffRole;
  expiresAt: Date;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  created_at: Date;
  password_hash: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  createdAt: r.created_at,
});

/** Inserts a user; throws UniqueViolation when the email is taken. */
export async function insertUser(
  db: Db,
  user: { id: string; email: string; name: string; passwordHash: string },
): Promise<User> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<UserRow>(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)
       RETURNING id, email, name, created_at, password_hash`,
      [user.id, user.email, user.name, user.passwordHash],
    ),
  );
  return toUser(rows[0]!);
}

/** The user with this (normalised) email and its password hash, or undefined. */
export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<UserRow>(
      'SELECT id, email, name, created_at, password_hash FROM users WHERE email = $1',
      [email],
    ),
  );
  return rows[0] && { ...toUser(rows[0]), passwordHash: rows[0].password_hash };
}

/** The user with this id and its password hash, or undefined. */
export async function findUserById(
  db: Db,
  id: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<UserRow>(
      'SELECT id, email, name, created_at, password_hash FROM users WHERE id = $1',
      [id],
    ),
  );
  return rows[0] && { ...toUser(rows[0]), passwordHash: rows[0].password_hash };
}

/** Replaces a user's password hash. */
export async function updatePasswordHash(db: Db, userId: string, hash: string): Promise<void> {
  await asSystem(db, (tx) =>
    tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, hash]),
  );
}

/** Gives a user a role in an organisation, replacing the role it had there. */
export async function upsertMembership(
  db: Db,
  userId: string,
  orgId: string,
  role: StaffRole,
): Promise<void> {
  await inOrg(db, orgId, (tx) =>
    tx.query(
      `INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, org_id) DO UPDATE SET role = EXCLUDED.role`,
      [userId, orgId, role],
    ),
  );
}

/** Every organisation the user belongs to, by organisation name. */
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<{ org_id: string; org_name: string; role: StaffRole }>(
      `SELECT m.org_id, o.name AS org_name, m.role FROM memberships m
       JOIN organisations o ON o.id = m.org_id
       WHERE m.user_id = $1 ORDER BY o.name, m.org_id`,
      [userId],
    ),
  );
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.org_name, role: r.role }));
}

/**
 * Stores a session under the hash of its token, in its organisation's transaction (so the login's
 * audit entry can share it).
 */
export async function insertSession(
  db: Db,
  s: { id: string; userId: string; orgId: string; expiresAt: Date },
): Promise<void> {
  await inOrg(db, s.orgId, (tx) =>
    tx.query('INSERT INTO sessions (id, user_id, org_id, expires_at) VALUES ($1, $2, $3, $4)', [
      s.id,
      s.userId,
      s.orgId,
      s.expiresAt,
    ]),
  );
}

/**
 * The unexpired session with this id whose user is still a member of its organisation, and
 * records that it was seen (at most once a minute, to spare a write per request).
 */
export async function findLiveSession(db: Db, id: string): Promise<SessionRecord | undefined> {
  return asSystem(db, async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      user_id: string;
      org_id: string;
      role: StaffRole;
      expires_at: Date;
    }>(
      `SELECT s.id, s.user_id, s.org_id, m.role, s.expires_at FROM sessions s
       JOIN memberships m ON m.user_id = s.user_id AND m.org_id = s.org_id
       WHERE s.id = $1 AND s.expires_at > now()`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    await tx.query(
      `UPDATE sessions SET last_seen_at = now()
       WHERE id = $1 AND last_seen_at < now() - interval '1 minute'`,
      [id],
    );
    return { id: r.id, userId: r.user_id, orgId: r.org_id, role: r.role, expiresAt: r.expires_at };
  });
}

/** Points a session at another organisation. */
export async function updateSessionOrg(db: Db, id: string, orgId: string): Promise<void> {
  await asSystem(db, (tx) =>
    tx.query('UPDATE sessions SET org_id = $2 WHERE id = $1', [id, orgId]),
  );
}

/** Ends one session; answers its user and organisation, or undefined when there was none. */
export async function deleteSession(
  db: Db,
  id: string,
): Promise<{ userId: string; orgId: string } | undefined> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<{ user_id: string; org_id: string }>(
      'DELETE FROM sessions WHERE id = $1 RETURNING user_id, org_id',
      [id],
    ),
  );
  return rows[0] && { userId: rows[0].user_id, orgId: rows[0].org_id };
}

/** Ends every session of a user except `keep`; returns how many ended. */
export async function deleteOtherSessions(db: Db, userId: string, keep: string): Promise<number> {
  const { rowCount } = await asSystem(db, (tx) =>
    tx.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keep]),
  );
  return rowCount;
}
