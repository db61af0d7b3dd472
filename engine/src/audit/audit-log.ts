// The audit log: who did what to which target, written in the transaction of the action itself
// so the log never claims an action that rolled back, nor misses one that committed.
import type { Db } from '../db/db.ts';
import { InvalidInput } from '../db/errors.ts';
import { inOrg } from '../db/tenancy.ts';
import type { Principal } from '../errors.ts';

export interface AuditInput {
  orgId: string;
  /** Who acted: `<kind>:<key id or user id>`, see {@link auditActor}. */
  actor: string;
  /** Dotted verb, e.g. `booking.create`, `seats.block`. */
  action: string;
  /** What it was done to, e.g. a booking id or `event:<id>`. */
  target: string;
  details?: Record<string, unknown>;
}

export interface AuditEntry extends Required<AuditInput> {
  id: number;
  at: Date;
}

/** The actor string of a principal: `secret:<key id>`, `staff:<user id>`. */
export const auditActor = (p: Principal): string => `${p.kind}:${p.keyId}`;

/**
 * Appends one entry. `tx` must be the transaction of the action, bound to `orgId`.
 * @example
 * await db.transaction((tx) => recordAudit(tx, { orgId, actor: auditActor(p),
 *   action: 'seats.block', target: `event:${eventId}`, details: { seats } }), { orgId });
 */
export async function recordAudit(tx: Db, entry: AuditInput): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (org_id, actor, action, target, details) VALUES ($1, $2, $3, $4, $5)`,
    [entry.orgId, entry.actor, entry.action, entry.target, JSON.stringify(entry.details ?? {})],
  );
}

interface AuditRow {
  id: number;
  org_id: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  at: Date;
}

/**
 * The organisation's entries, newest first: `limit` (1…500, default 50) entries with ids below
 * `before` (the last id of the previous page).
 */
export async function listAudit(
  db: Db,
  orgId: string,
  opts: { limit?: number; before?: number } = {},
): Promise<AuditEntry[]> {
  const limit = opts.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new InvalidInput(`limit ${limit} must be a whole number from 1 to 500`);
  }
  if (opts.before !== undefined && !Number.isSafeInteger(opts.before)) {
    throw new InvalidInput(`before ${opts.before} must be an audit entry id`);
  }
  const { rows } = await inOrg(db, orgId, (tx) =>
    tx.query<AuditRow>(
      `SELECT id, org_id, actor, action, target, details, at FROM audit_log
         WHERE org_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [orgId, opts.before ?? null, limit],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    actor: r.actor,
    action: r.action,
    target: r.target,
    details: r.details,
    at: r.at,
  }));
}
