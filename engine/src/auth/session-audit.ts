// The audit trail of staff sessions: login, failed login, logout, password change and switching
// organisation. Each entry is written in the transaction of the action, like every audited action.
// Actions of a session go to the organisation it acts for; those of the account (a password
// change, a failed login of a member) to every organisation the user belongs to, since each of
// them trusts that account. A failed login that reaches no organisation (unknown email, a user
// with no membership) goes to the installation's security log, login_failures (migration 0014).
// Entries never hold a password, nor another organisation's id.
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/db.ts';
import { asSystem } from '../db/tenancy.ts';

/** Audit actions of staff sessions. */
export const SESSION_ACTIONS = {
  login: 'auth.login',
  loginFailed: 'auth.login_failed',
  logout: 'auth.logout',
  passwordChange: 'auth.password_change',
  /** In the organisation the session left. */
  switchOut: 'auth.switch_out',
  /** In the organisation the session now acts for. */
  switchIn: 'auth.switch_in',
} as const;

/** Where a request came from: the client address as Express reads it (TRUST_PROXY rules). */
export interface RequestOrigin {
  address: string;
}

const actorOf = (userId: string) => `staff:${userId}`;
const targetOf = (userId: string) => `user:${userId}`;

/**
 * One entry in the organisation `tx` acts for (inOrg), about the user's own session.
 * @example await auditSession(tx, orgId, userId, SESSION_ACTIONS.logout, { address });
 */
export function auditSession(
  tx: Db,
  orgId: string,
  userId: string,
  action: string,
  origin: RequestOrigin,
): Promise<void> {
  return recordAudit(tx, {
    orgId,
    actor: actorOf(userId),
    action,
    target: targetOf(userId),
    details: { address: origin.address },
  });
}

/**
 * One entry in each organisation the user belongs to. A system statement, because an account
 * spans organisations; every row still carries its organisation and is listed only to it.
 */
export async function auditAccount(
  db: Db,
  userId: string,
  action: string,
  origin: RequestOrigin,
): Promise<void> {
  await asSystem(db, (tx) =>
    tx.query(
      `INSERT INTO audit_log (org_id, actor, action, target, details)
       SELECT org_id, $2, $3, $4, $5 FROM memberships WHERE user_id = $1`,
      [
        userId,
        actorOf(userId),
        action,
        targetOf(userId),
        JSON.stringify({ address: origin.address }),
      ],
    ),
  );
}

/**
 * Records a failed login (wrong password or unknown email; never the password). A member's
 * attempt is audited in each of the user's organisations, with actor `anonymous` since nobody
 * proved who they are; any other attempt goes to login_failures. One statement does either, so
 * an unknown email costs the same work as a wrong password (no user enumeration by timing).
 */
export async function recordLoginFailure(
  db: Db,
  attempt: { email: string; userId: string | undefined } & RequestOrigin,
): Promise<void> {
  const { email, userId, address } = attempt;
  await asSystem(db, (tx) =>
    tx.query(
      `WITH orgs AS (SELECT org_id FROM memberships WHERE user_id = $1::text),
       audited AS (
         INSERT INTO audit_log (org_id, actor, action, target, details)
         SELECT org_id, 'anonymous', $4, 'user:' || $1::text,
                jsonb_build_object('email', $2::text, 'address', $3::text)
         FROM orgs RETURNING 1)
       INSERT INTO login_failures (email, address, user_id)
       SELECT $2::text, $3::text, $1::text WHERE NOT EXISTS (SELECT 1 FROM orgs)`,
      [userId ?? null, email, address, SESSION_ACTIONS.loginFailed],
    ),
  );
}

/** A failed login in the security log. */
export interface LoginFailure {
  id: number;
  email: string;
  address: string;
  userId: string | null;
  at: Date;
}

/**
 * The security log's entries, newest first: `limit` (default 100) with ids below `before`, and
 * none older than `since`. For operators (system work, `parterre security login-failures`): no
 * organisation may read it. Entries past LOGIN_FAILURES_RETENTION_DAYS are pruned
 * (login-failure-retention.ts).
 */
export async function listLoginFailures(
  db: Db,
  opts: { limit?: number; before?: number; since?: Date } = {},
): Promise<LoginFailure[]> {
  const { rows } = await asSystem(db, (tx) =>
    tx.query<{
      id: string | number;
      email: string;
      address: string;
      user_id: string | null;
      at: Date;
    }>(
      `SELECT id, email, address, user_id, at FROM login_failures
       WHERE ($1::bigint IS NULL OR id < $1) AND ($3::timestamptz IS NULL OR at >= $3)
       ORDER BY id DESC LIMIT $2`,
      [opts.before ?? null, opts.limit ?? 100, opts.since ?? null],
    ),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    email: r.email,
    address: r.address,
    userId: r.user_id,
    at: r.at,
  }));
}
