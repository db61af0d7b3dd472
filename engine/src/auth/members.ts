// An organisation's staff, managed by its owners over the API: list, add an existing user, change
// a role, remove. Users themselves are not made here: the installation's operator creates them
// with the CLI (`parterre user create`), so an organisation can never mint or read accounts it
// has no membership with. Memberships are read in the organisation's transaction (row-level
// security), and the users table joins in only through them, so no other organisation's staff
// can show up. Every change is audited in its own transaction.
import { auditActor, recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { Authenticator } from './authenticate.ts';
import { assertNotLastOwner } from './last-owner.ts';
import { removeMembership } from './membership-removal.ts';
import type { StaffRole } from './roles.ts';
import { findUser, normaliseEmail } from './users.ts';

/** One member of the organisation. */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: StaffRole;
  /** When the membership began (ISO). */
  since: string;
}

interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: StaffRole;
  created_at: Date;
}

const MEMBER_COLUMNS = 'm.user_id, u.email, u.name, m.role, m.created_at';

const toMember = (r: MemberRow): Member => ({
  userId: r.user_id,
  email: r.email,
  name: r.name,
  role: r.role,
  since: r.created_at.toISOString(),
});

const notAMember = (userId: string) =>
  new DomainError('NOT_FOUND', `No member ${userId} in this organisation`);

async function memberOf(tx: Db, userId: string): Promise<Member> {
  const { rows } = await tx.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.user_id = $1`,
    [userId],
  );
  return toMember(rows[0]!);
}

/** The organisation's members, by name then email. */
export async function listMembers(db: Db, principal: Principal): Promise<Member[]> {
  const { rows } = await inOrg(db, principal.orgId, (tx) =>
    tx.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.org_id = $1 ORDER BY u.name, u.email`,
      [principal.orgId],
    ),
  );
  return rows.map(toMember);
}

/**
 * Gives an existing user (by email) a role in the organisation: 404 naming the email when no
 * user has it (the operator creates users with the CLI), 409 ALREADY_MEMBER when the user is a
 * member already (its role changes with {@link changeMemberRole}, never by accident here).
 * @example await addMember(db, principal, { email: 'ana@house.example', role: 'boxoffice' });
 */
export async function addMember(
  db: Db,
  principal: Principal,
  input: { email: string; role: StaffRole },
): Promise<Member> {
  const email = normaliseEmail(input.email);
  const user = await findUser(db, email);
  if (!user) {
    throw new DomainError(
      'NOT_FOUND',
      `No user with email ${email}: users are created by the installation's operator with the command line (parterre user create); ask them, then add the user here`,
    );
  }
  const { orgId } = principal;
  return inOrg(db, orgId, async (tx) => {
    const { rows } = await tx.query<{ role: StaffRole }>(
      `INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, org_id) DO NOTHING RETURNING role`,
      [user.id, orgId, input.role],
    );
    if (rows.length === 0) {
      const existing = await memberOf(tx, user.id);
      throw new DomainError(
        'ALREADY_MEMBER',
        `${email} is already a member (${existing.role}); change the role with PATCH /members/${user.id}`,
      );
    }
    await recordAudit(tx, {
      orgId,
      actor: auditActor(principal),
      action: 'membership.add',
      target: `user:${user.id}`,
      details: { role: input.role },
    });
    return memberOf(tx, user.id);
  });
}

/**
 * Changes a member's role: 404 for anyone not a member here (another organisation's users
 * included), 409 LAST_OWNER for demoting the last owner. Live sockets of the member re-check
 * their session at once, so the new role applies there too.
 */
export async function changeMemberRole(
  db: Db,
  auth: Pick<Authenticator, 'staff'>,
  principal: Principal,
  userId: string,
  role: StaffRole,
): Promise<Member> {
  const { orgId } = principal;
  const member = await inOrg(db, orgId, async (tx) => {
    // The owners' rows are locked before the member's own: every change that can leave the
    // organisation without an owner takes them first, in one order, so two owners demoting each
    // other wait for one another instead of deadlocking.
    if (role !== 'owner') await assertNotLastOwner(tx, orgId, userId, 'demote');
    const { rows } = await tx.query<{ role: StaffRole }>(
      'SELECT role FROM memberships WHERE user_id = $1 AND org_id = $2 FOR UPDATE',
      [userId, orgId],
    );
    const from = rows[0]?.role;
    if (!from) throw notAMember(userId);
    if (from === role) return memberOf(tx, userId);
    await tx.query('UPDATE memberships SET role = $3 WHERE user_id = $1 AND org_id = $2', [
      userId,
      orgId,
      role,
    ]);
    await recordAudit(tx, {
      orgId,
      actor: auditActor(principal),
      action: 'membership.role',
      target: `user:${userId}`,
      details: { from, to: role },
    });
    return memberOf(tx, userId);
  });
  auth.staff.sessionsChanged(userId);
  return member;
}

/**
 * Removes a member (removeMembership: its sessions here and the door keys it made here go in
 * the same transaction), then tells every node: the keys leave their caches and the member's
 * live staff sockets drop. 404 for anyone not a member here, 409 LAST_OWNER for the last owner
 * (an owner may remove themselves while another owner remains).
 */
export async function removeMember(
  db: Db,
  auth: Pick<Authenticator, 'staff' | 'revoked'>,
  principal: Principal,
  userId: string,
): Promise<{ userId: string; revokedDoorKeys: string[] }> {
  const removed = await removeMembership(db, userId, principal.orgId, auditActor(principal), {
    keepAnOwner: true,
  });
  if (!removed) throw notAMember(userId);
  auth.revoked(removed.revokedKeyIds);
  auth.staff.sessionsChanged(userId);
  return { userId, revokedDoorKeys: removed.revokedKeyIds };
}
