// Taking a person out of an organisation. In one transaction: the membership goes (every request
// reads the session joined with it, so access ends at once), the person's sessions in that
// organisation go (so a later membership does not revive an old cookie), and the door keys the
// person made there are revoked: a phone at the door keeps working for whoever holds it, so it
// must not outlive its maker's membership. Everything is audited in the same transaction. The
// caller broadcasts the revoked key ids once this has committed (`auth.revoked`, or the CLI's
// announceRevocation), so no node keeps them in its key cache.
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { assertNotLastOwner } from './last-owner.ts';

export interface RemovedMembership {
  /** The door keys the person had made in the organisation that this revoked. */
  revokedKeyIds: string[];
}

/**
 * Removes `userId` from `orgId` with its sessions there and revokes its door keys there; null
 * when the user is not a member (nothing changes). `actor` is who did it, for the audit log.
 * With `keepAnOwner` (the API) it refuses, changing nothing, to remove the organisation's last
 * owner: 409 LAST_OWNER.
 * @example const removed = await removeMembership(db, user.id, org.id, 'cli'); // { revokedKeyIds }
 */
export async function removeMembership(
  db: Db,
  userId: string,
  orgId: string,
  actor: string,
  opts: { keepAnOwner?: boolean } = {},
): Promise<RemovedMembership | null> {
  return inOrg(db, orgId, async (tx) => {
    if (opts.keepAnOwner) await assertNotLastOwner(tx, orgId, userId, 'remove');
    const { rows: gone } = await tx.query<{ role: string }>(
      'DELETE FROM memberships WHERE user_id = $1 AND org_id = $2 RETURNING role',
      [userId, orgId],
    );
    if (gone.length === 0) return null;
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND org_id = $2', [userId, orgId]);
    const { rows: keys } = await tx.query<{ id: string }>(
      `UPDATE api_keys SET revoked_at = now()
       WHERE org_id = $1 AND kind = 'door' AND created_by = $2 AND revoked_at IS NULL
       RETURNING id`,
      [orgId, `staff:${userId}`],
    );
    const revokedKeyIds = keys.map((k) => k.id).sort();
    await recordAudit(tx, {
      orgId,
      actor,
      action: 'membership.remove',
      target: `user:${userId}`,
      details: { role: gone[0]!.role, revokedDoorKeys: revokedKeyIds },
    });
    for (const id of revokedKeyIds) {
      await recordAudit(tx, {
        orgId,
        actor,
        action: 'key.revoke',
        target: id,
        details: { reason: 'membership.remove', userId },
      });
    }
    return { revokedKeyIds };
  });
}
